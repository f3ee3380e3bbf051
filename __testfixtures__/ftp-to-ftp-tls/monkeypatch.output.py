"""Test helpers: point every FTP client at the local test server."""
import ftplib
from ftplib import FTP, FTP_TLS

_saved_port = ftplib.FTP.port


def use_test_server(port):
    ftplib.FTP.port = port
    FTP.maxline = 16384


def restore():
    ftplib.FTP.port = _saved_port


def connect(host):
    return FTP_TLS(host)

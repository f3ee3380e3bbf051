from ftplib import FTP_TLS
import ftplib


def connect(host, FTP=FTP_TLS):
    conn = FTP(host)
    conn.login()
    conn.prot_p()
    return conn


def with_module(ftplib, host):
    # here ftplib is whatever the caller passes, not the module
    return ftplib.FTP(host)

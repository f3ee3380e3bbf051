# pyftpdlib is imported, but no server is started here: the client talks to a real server and is fixed.
import ftplib
import os

from pyftpdlib.filesystems import AbstractedFS
from pyftpdlib.handlers import FTPHandler


def supported_commands():
    """What pyftpdlib implements (python -m pyftpdlib serves these)."""
    return sorted(FTPHandler.proto_cmds)


def is_handler(obj):
    return isinstance(obj, FTPHandler)


def mirror(host, ftpserver):
    # a parameter that happens to be called ftpserver is no pytest fixture
    root = AbstractedFS(os.getcwd(), None)
    conn = ftplib.FTP(host)
    conn.login(ftpserver.user, os.environ["FTP_PASSWORD"])
    return root, conn.nlst()

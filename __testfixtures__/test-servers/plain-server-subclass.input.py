# A subclass of FTP in a suite with a cleartext server stays FTP, and so does every call of it.
import ftplib
import os

from pyftpdlib.servers import FTPServer
from pyftpdlib.handlers import FTPHandler

SERVER = FTPServer(("127.0.0.1", 0), FTPHandler)


class Client(ftplib.FTP):
    def storlines_crlf(self, name, lines):
        return self.storlines("STOR " + name, lines)


def connect():
    host, port = SERVER.address
    conn = Client(host, os.environ["FTP_USER"], os.environ["FTP_PASSWORD"], "", 30)
    return conn

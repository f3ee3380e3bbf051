# A server started with a handler from elsewhere is taken for cleartext unless its name says TLS.
import ftplib

from pyftpdlib.servers import FTPServer

from myproject.ftpd import AntiFloodHandler


def start():
    return FTPServer(("127.0.0.1", 0), AntiFloodHandler)


def probe(server):
    conn = ftplib.FTP()
    conn.connect(*server.address)
    conn.login()
    return conn

# A server started with a handler from elsewhere whose name says TLS, or given by the caller: the client is fixed.
import ftplib

from pyftpdlib.servers import ThreadedFTPServer

from myproject.ftpd import RequireTLSHandler


def start():
    return ThreadedFTPServer(("127.0.0.1", 0), RequireTLSHandler)


def start_with(handler_class):
    return ThreadedFTPServer(("127.0.0.1", 0), handler=handler_class)


def probe(server):
    conn = ftplib.FTP()
    conn.connect(*server.address)
    conn.login()
    return conn

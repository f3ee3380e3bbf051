# Both a cleartext and a TLS server run here: which client talks to which is not known, so nothing changes.
import ftplib

from pyftpdlib.handlers import FTPHandler as PlainHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer

TLS_FTPHandler.certfile = "keycert.pem"
TLS_FTPHandler.tls_control_required = True
plain_server = FTPServer(("127.0.0.1", 0), PlainHandler)
tls_server = FTPServer(("127.0.0.1", 0), TLS_FTPHandler)


def plain_client():
    conn = ftplib.FTP()
    conn.connect(*plain_server.address)
    conn.login()
    return conn


def secure_client():
    conn = ftplib.FTP_TLS()
    conn.connect(*tls_server.address)
    conn.login()
    conn.prot_p()
    return conn

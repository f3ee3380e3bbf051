import os
from ftplib import FTP_TLS


def twice(h1, h2, u, p):
    ftp = FTP_TLS(h1, u, p)
    ftp.prot_p()
    ftp.quit()
    ftp = FTP_TLS(h2, u, p)
    ftp.retrlines("LIST")


def reconnect(h, u, p):
    ftp = FTP_TLS()
    ftp.connect(h)
    ftp.prot_p()
    ftp.close()
    ftp.connect(h)
    ftp.login(u, p)


class Maybe(FTP_TLS):
    def __init__(self, host=None, user="anon", passwd=""):
        super().__init__(host, user, passwd)


def splat(creds):
    a = FTP_TLS("h", *creds)
    b = FTP_TLS(**creds)
    c = FTP_TLS("h", os.environ.get("FTP_USER"), "")


def tolerant(h, u, p):
    ftp = FTP_TLS(h)
    ftp.login(u, p)
    try:
        ftp.prot_p()
    except Exception:
        pass
    ftp.retrlines("LIST")

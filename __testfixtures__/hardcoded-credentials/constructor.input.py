import ftplib
from ftplib import FTP, FTP_TLS


def positional(host):
    ftp = FTP(host, "deploy", "s3cret")
    ftp.quit()


def keywords(host):
    ftp = FTP_TLS(host, user="deploy", passwd="s3cret")
    ftp.quit()


def through_module(host):
    with ftplib.FTP(host, "deploy", "s3cret", "", 30) as ftp:
        ftp.nlst()


class Mirror(FTP):
    """No __init__ of its own: FTP's, which logs in."""


def subclass(host):
    m = Mirror(host, "mirror", "s3cret")
    m.quit()


class Session(FTP_TLS):
    def __init__(self, host):
        super().__init__(host, "session", "s3cret")


def no_user(host):
    # no user: the constructor does not log in
    ftp = FTP(host, passwd="s3cret")
    ftp.quit()

import ftplib
from ftplib import FTP_TLS


def positional(host):
    ftp = FTP_TLS(host, "deploy", "s3cret")
    ftp.prot_p()
    ftp.quit()


def keywords(host):
    ftp = FTP_TLS(host, user="deploy", passwd="s3cret")
    ftp.prot_p()
    ftp.quit()


def through_module(host):
    with ftplib.FTP_TLS(host, "deploy", "s3cret", "", timeout=30) as ftp:
        ftp.prot_p()
        ftp.nlst()


class Mirror(FTP_TLS):
    """No __init__ of its own: FTP's, which logs in."""


def subclass(host):
    m = Mirror(host, "mirror", "s3cret")
    m.prot_p()
    m.quit()


class Session(FTP_TLS):
    def __init__(self, host):
        super().__init__(host, "session", "s3cret")
        self.prot_p()


def no_user(host):
    # no user: the constructor does not log in
    ftp = FTP_TLS(host, passwd="s3cret")
    ftp.quit()

from ftplib import FTP_TLS

LINK = FTP_TLS()


def make():
    return FTP_TLS()

from ftplib import FTP

LINK = FTP()


def make():
    return FTP()

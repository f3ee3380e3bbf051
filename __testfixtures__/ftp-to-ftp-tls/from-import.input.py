from ftplib import FTP


def connect(host):
    return FTP(host)

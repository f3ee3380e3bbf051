from ftplib import FTP


def open_link(host):
    return FTP(host)

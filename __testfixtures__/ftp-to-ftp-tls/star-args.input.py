from ftplib import FTP

SETTINGS = ("ftp.example.com", "user", "secret")


def connect(*extra):
    return FTP(*SETTINGS, *extra)


def connect_plain(host):
    return FTP(host)

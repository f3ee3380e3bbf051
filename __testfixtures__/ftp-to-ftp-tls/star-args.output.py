from ftplib import FTP, FTP_TLS

SETTINGS = ("ftp.example.com", "user", "secret")


def connect(*extra):
    return FTP(*SETTINGS, *extra)


def connect_plain(host):
    return FTP_TLS(host)

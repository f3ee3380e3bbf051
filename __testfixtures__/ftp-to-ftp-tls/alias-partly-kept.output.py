from ftplib import FTP as Client, FTP_TLS

DEFAULTS = ("ftp.example.com",)


def default_client():
    return Client(*DEFAULTS)


def client_for(host):
    return FTP_TLS(host)

from ftplib import FTP as Client

DEFAULTS = ("ftp.example.com",)


def default_client():
    return Client(*DEFAULTS)


def client_for(host):
    return Client(host)

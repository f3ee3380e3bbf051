from ftplib import FTP
from ftplib import FTP_TLS

LEGACY_HOSTS = {"old.example.com"}


def client_for(host):
    if host in LEGACY_HOSTS:
        return FTP(host)
    return FTP_TLS(host)

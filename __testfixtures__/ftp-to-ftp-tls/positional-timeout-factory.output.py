import ftplib


def connect(host, user, password, factory=ftplib.FTP_TLS):
    return factory(host, user, password, "", timeout=15)

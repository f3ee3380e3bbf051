import ftplib


def connect(host, user, password, factory=ftplib.FTP):
    return factory(host, user, password, "", 15)

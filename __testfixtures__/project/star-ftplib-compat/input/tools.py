from app.compat import *


def listing(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    return ftp.nlst()

from app.compat import *


def listing(host, user, password):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()

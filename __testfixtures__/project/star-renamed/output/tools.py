import lib
from lib import *


def listing(host, user, password):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()


def size(host, user, password):
    ftp = lib.FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.size("report.csv")

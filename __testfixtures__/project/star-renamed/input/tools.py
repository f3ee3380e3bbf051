import lib
from lib import *


def listing(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    return ftp.nlst()


def size(host, user, password):
    ftp = lib.FTP(host)
    ftp.login(user, password)
    return ftp.size("report.csv")

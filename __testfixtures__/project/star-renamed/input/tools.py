import lib
from lib import *


def listing(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    return ftp.nlst()


def fetch(host, user, password, fh):
    ftp = lib.FTP(host)
    ftp.login(user, password)
    ftp.retrbinary("RETR report.csv", fh.write)

import lib
from lib import *


def listing(host, user, password):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()


def fetch(host, user, password, fh):
    ftp = lib.FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    ftp.retrbinary("RETR report.csv", fh.write)

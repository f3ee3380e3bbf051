import ftplib
from ftplib import FTP


def quick_list(host):
    return FTP(host).login()


def login_and_return(host, user, password):
    conn = FTP(host)
    return conn.login(user, password)


def login_with(conn: ftplib.FTP, user, password):
    conn.login(user, password)
    conn.cwd("/data")


RELOGIN = lambda c: c.login()


def session(host):
    conn = FTP(host)
    relogin = lambda: conn.login()
    relogin()
    return conn

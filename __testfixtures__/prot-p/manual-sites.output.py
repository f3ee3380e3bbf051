import ftplib
from ftplib import FTP_TLS


def quick_list(host):
    return FTP_TLS(host).login()


def login_and_return(host, user, password):
    conn = FTP_TLS(host)
    return conn.login(user, password)


def login_with(conn: ftplib.FTP_TLS, user, password):
    conn.login(user, password)
    conn.cwd("/data")


RELOGIN = lambda c: c.login()


def session(host):
    conn = FTP_TLS(host)
    relogin = lambda: conn.login()
    relogin()
    return conn

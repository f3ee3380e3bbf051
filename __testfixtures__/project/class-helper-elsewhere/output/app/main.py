import ftplib

from app.session import Greeter, Session


def files(host, user, pw):
    conn = ftplib.FTP_TLS(host)
    Session(conn, user, pw).open()
    return conn.nlst()


def anonymous(host, link):
    Greeter(ftplib.FTP_TLS(host)).hello()
    Greeter(link).hello()

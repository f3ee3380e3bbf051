import ftplib

from app.session import Greeter, Session


def files(host, user, pw):
    conn = ftplib.FTP(host)
    Session(conn, user, pw).open()
    return conn.nlst()


def anonymous(host, link):
    Greeter(ftplib.FTP(host)).hello()
    Greeter(link).hello()

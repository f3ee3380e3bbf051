import ftplib

from app.auth import greet, sign_on


def files(host, user, pw):
    conn = ftplib.FTP(host)
    sign_on(conn, user, pw)
    return conn.nlst()


def anonymous(host, link):
    greet(ftplib.FTP(host))
    greet(link)

import ftplib

from app.auth import greet, sign_on


def files(host, user, pw):
    conn = ftplib.FTP_TLS(host)
    sign_on(conn, user, pw)
    return conn.nlst()


def anonymous(host, link):
    greet(ftplib.FTP_TLS(host))
    greet(link)

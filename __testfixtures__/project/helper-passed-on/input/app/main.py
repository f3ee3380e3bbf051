import ftplib

from app.session import greet, log_in


def files(host, user, pw):
    conn = ftplib.FTP(host)
    log_in(conn, user, pw)
    return conn.nlst()


def anonymous(host, link):
    greet(ftplib.FTP(host))
    greet(link)

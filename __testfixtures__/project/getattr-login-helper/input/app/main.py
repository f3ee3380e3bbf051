import ftplib

from app.auth import Session, sign_on


def by_helper(host, user, pw):
    ftp = ftplib.FTP(host)
    sign_on(ftp, user, pw)
    return ftp.nlst()


def by_session(host, user, pw):
    conn = ftplib.FTP(host)
    return Session(conn).open(user, pw)

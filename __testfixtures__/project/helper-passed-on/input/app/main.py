import ftplib

from app.session import Session, greet, log_in


def files(host, user, pw):
    conn = ftplib.FTP(host)
    log_in(conn, user, pw)
    return conn.nlst()


def anonymous(host, link):
    greet(ftplib.FTP(host))
    greet(link)


def through_session(host, user, pw):
    session = Session(ftplib.FTP(host))
    session.open(user, pw)
    return session.link.nlst()

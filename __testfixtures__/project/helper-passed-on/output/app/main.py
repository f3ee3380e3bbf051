import ftplib

from app.session import Session, greet, log_in


def files(host, user, pw):
    conn = ftplib.FTP_TLS(host)
    log_in(conn, user, pw)
    return conn.nlst()


def anonymous(host, link):
    greet(ftplib.FTP_TLS(host))
    greet(link)


def through_session(host, user, pw):
    session = Session(ftplib.FTP_TLS(host))
    session.open(user, pw)
    return session.link.nlst()

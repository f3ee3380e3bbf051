"""Logins of other libraries, of a project's own FTP class, and of an unknown parameter: not ftplib's."""
import ftplib
import smtplib


class FTP:
    def __init__(self, host, user, passwd):
        self.host = host

    def login(self, user, passwd):
        pass


def mail(host):
    server = smtplib.SMTP(host)
    server.login("mailer", "s3cret")


def own_class(host):
    ftp = FTP(host, "deploy", "s3cret")
    ftp.login("deploy", "s3cret")


def given(conn):
    conn.login("deploy", "s3cret")


def listing(host):
    return ftplib.FTP_TLS(host)

"""Anonymous logins and empty passwords: no secret in the code, nothing reported."""
from ftplib import FTP

ANON = "anonymous"


def public(host):
    ftp = FTP(host)
    ftp.login()
    ftp.quit()


def named(host):
    ftp = FTP(host)
    ftp.login("anonymous", "me@example.com")
    ftp.quit()


def ftp_user(host):
    ftp = FTP(host)
    ftp.login("ftp", "guest")
    ftp.quit()


def upper_case(host):
    ftp = FTP(host)
    ftp.login(user="Anonymous", passwd="guest@")
    ftp.quit()


def no_user(host):
    ftp = FTP(host)
    ftp.login(passwd="guest@")
    ftp.quit()


def empty_user(host):
    ftp = FTP(host)
    ftp.login("", "guest@")
    ftp.quit()


def empty_password(host):
    ftp = FTP(host)
    ftp.login("deploy", "")
    ftp.quit()


def anonymous_by_name(host):
    ftp = FTP(host)
    ftp.login(ANON, "me@example.com")
    ftp.quit()


def constructor(host):
    ftp = FTP(host, "anonymous", "me@example.com")
    ftp.quit()

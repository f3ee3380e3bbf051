"""Anonymous logins and empty passwords: no secret in the code, nothing reported."""
from ftplib import FTP_TLS

ANON = "anonymous"


def public(host):
    ftp = FTP_TLS(host)
    ftp.login()
    ftp.prot_p()
    ftp.quit()


def named(host):
    ftp = FTP_TLS(host)
    ftp.login("anonymous", "me@example.com")
    ftp.prot_p()
    ftp.quit()


def ftp_user(host):
    ftp = FTP_TLS(host)
    ftp.login("ftp", "guest")
    ftp.prot_p()
    ftp.quit()


def upper_case(host):
    ftp = FTP_TLS(host)
    ftp.login(user="Anonymous", passwd="guest@")
    ftp.prot_p()
    ftp.quit()


def no_user(host):
    ftp = FTP_TLS(host)
    ftp.login(passwd="guest@")
    ftp.prot_p()
    ftp.quit()


def empty_user(host):
    ftp = FTP_TLS(host)
    ftp.login("", "guest@")
    ftp.prot_p()
    ftp.quit()


def empty_password(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "")
    ftp.prot_p()
    ftp.quit()


def anonymous_by_name(host):
    ftp = FTP_TLS(host)
    ftp.login(ANON, "me@example.com")
    ftp.prot_p()
    ftp.quit()


def constructor(host):
    ftp = FTP_TLS(host, "anonymous", "me@example.com")
    ftp.prot_p()
    ftp.quit()

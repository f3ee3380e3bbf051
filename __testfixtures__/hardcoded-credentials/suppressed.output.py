"""Bandit's and Ruff's hard-coded password ids suppress this rule, and only this one."""
from ftplib import FTP_TLS

PASSWORD = "s3cret"  # nosec B105
OTHER_PASSWORD = "s3cret"  # noqa: S105


def keyword(host):
    ftp = FTP_TLS(host)
    ftp.login(user="deploy", passwd="s3cret")  # nosec B106
    ftp.prot_p()
    ftp.quit()


def by_name(host):
    ftp = FTP_TLS(host)
    ftp.login(user="deploy", passwd="s3cret")  # nosec hardcoded_password_funcarg
    ftp.prot_p()
    ftp.quit()


def at_the_assignment(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", PASSWORD)
    ftp.prot_p()
    ftp.login("deploy", OTHER_PASSWORD)
    ftp.prot_p()
    ftp.quit()


def ruff(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret")  # noqa: S106
    ftp.prot_p()
    ftp.quit()


def blanket(host):
    # a bare nosec suppresses every rule: no prot_p() either
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret")  # nosec
    ftp.quit()


def ours(host):
    ftp = FTP_TLS(host)
    # ftptls: ignore
    ftp.login("deploy", "s3cret")
    ftp.quit()


def cleartext_marker(host):
    # B321 is the FTP rule: it keeps this login without prot_p(), the password is still reported
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret")  # nosec B321
    ftp.quit()


def other_rule(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret")  # noqa: E501
    ftp.prot_p()
    ftp.quit()

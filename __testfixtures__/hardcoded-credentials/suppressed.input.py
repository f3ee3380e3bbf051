"""Bandit's and Ruff's hard-coded password ids suppress this rule, and only this one."""
from ftplib import FTP

PASSWORD = "s3cret"  # nosec B105
OTHER_PASSWORD = "s3cret"  # noqa: S105


def keyword(host):
    ftp = FTP(host)
    ftp.login(user="deploy", passwd="s3cret")  # nosec B106
    ftp.quit()


def by_name(host):
    ftp = FTP(host)
    ftp.login(user="deploy", passwd="s3cret")  # nosec hardcoded_password_funcarg
    ftp.quit()


def at_the_assignment(host):
    ftp = FTP(host)
    ftp.login("deploy", PASSWORD)
    ftp.login("deploy", OTHER_PASSWORD)
    ftp.quit()


def ruff(host):
    ftp = FTP(host)
    ftp.login("deploy", "s3cret")  # noqa: S106
    ftp.quit()


def blanket(host):
    # a bare nosec suppresses every rule: no prot_p() either
    ftp = FTP(host)
    ftp.login("deploy", "s3cret")  # nosec
    ftp.quit()


def ours(host):
    ftp = FTP(host)
    # ftptls: ignore
    ftp.login("deploy", "s3cret")
    ftp.quit()


def cleartext_marker(host):
    # B321 is the FTP rule: it keeps this login without prot_p(), the password is still reported
    ftp = FTP(host)
    ftp.login("deploy", "s3cret")  # nosec B321
    ftp.quit()


def other_rule(host):
    ftp = FTP(host)
    ftp.login("deploy", "s3cret")  # noqa: E501
    ftp.quit()

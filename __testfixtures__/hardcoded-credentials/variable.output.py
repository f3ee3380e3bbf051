"""A name bound only to string literals where Python looks it up is a hard-coded password; others are not."""
import netrc
import os
from ftplib import FTP_TLS

from settings import SETTINGS_PASSWORD

USER = "deploy"
PASSWORD = "s3cret"
MAYBE = "s3cret"
if os.environ.get("FTP_PASSWORD"):
    MAYBE = os.environ["FTP_PASSWORD"]


def module_constant(host):
    ftp = FTP_TLS(host)
    ftp.login(USER, PASSWORD)
    ftp.prot_p()
    ftp.quit()


def local_constant(host):
    password = "s3cret"
    ftp = FTP_TLS(host)
    ftp.login("deploy", passwd=password)
    ftp.prot_p()
    ftp.quit()


def sometimes_from_the_environment(host):
    ftp = FTP_TLS(host)
    ftp.login(USER, MAYBE)
    ftp.prot_p()
    ftp.quit()


def default_parameter(host, password="s3cret"):
    # a parameter: its callers decide (a literal default is bandit's B107, not this rule)
    ftp = FTP_TLS(host)
    ftp.login(USER, password)
    ftp.prot_p()
    ftp.quit()


def imported(host):
    ftp = FTP_TLS(host)
    ftp.login(USER, SETTINGS_PASSWORD)
    ftp.prot_p()
    ftp.quit()


def from_netrc(host):
    user, _, password = netrc.netrc().authenticators(host)
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    ftp.quit()

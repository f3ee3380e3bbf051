"""A name bound only to string literals where Python looks it up is a hard-coded password; others are not."""
import netrc
import os
from ftplib import FTP

from settings import SETTINGS_PASSWORD

USER = "deploy"
PASSWORD = "s3cret"
MAYBE = "s3cret"
if os.environ.get("FTP_PASSWORD"):
    MAYBE = os.environ["FTP_PASSWORD"]


def module_constant(host):
    ftp = FTP(host)
    ftp.login(USER, PASSWORD)
    ftp.quit()


def local_constant(host):
    password = "s3cret"
    ftp = FTP(host)
    ftp.login("deploy", passwd=password)
    ftp.quit()


def sometimes_from_the_environment(host):
    ftp = FTP(host)
    ftp.login(USER, MAYBE)
    ftp.quit()


def default_parameter(host, password="s3cret"):
    # a parameter: its callers decide (a literal default is bandit's B107, not this rule)
    ftp = FTP(host)
    ftp.login(USER, password)
    ftp.quit()


def imported(host):
    ftp = FTP(host)
    ftp.login(USER, SETTINGS_PASSWORD)
    ftp.quit()


def from_netrc(host):
    user, _, password = netrc.netrc().authenticators(host)
    ftp = FTP(host)
    ftp.login(user, password)
    ftp.quit()

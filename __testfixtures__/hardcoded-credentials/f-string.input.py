"""Constant strings are literals however they are written; anything computed at run time is not."""
import os
from ftplib import FTP


def no_replacement_field(host):
    ftp = FTP(host)
    ftp.login("deploy", f"s3cret")
    ftp.quit()


def implicit_concatenation(host):
    ftp = FTP(host)
    ftp.login("deploy", "s3" "cret")
    ftp.quit()


def literal_sum(host):
    ftp = FTP(host)
    ftp.login("deploy", ("s3" + "cret"))
    ftp.quit()


def replacement_field(host, year):
    ftp = FTP(host)
    ftp.login("deploy", f"s3cret-{year}")
    ftp.quit()


def concatenation_with_a_value(host):
    ftp = FTP(host)
    ftp.login("deploy", "s3cret-" + os.environ["FTP_SUFFIX"])
    ftp.quit()


def from_the_environment(host):
    ftp = FTP(host)
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
    ftp.login(os.getenv("FTP_USER"), os.getenv("FTP_PASSWORD"))
    ftp.quit()

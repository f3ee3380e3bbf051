"""Constant strings are literals however they are written; anything computed at run time is not."""
import os
from ftplib import FTP_TLS


def no_replacement_field(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", f"s3cret")
    ftp.prot_p()
    ftp.quit()


def implicit_concatenation(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3" "cret")
    ftp.prot_p()
    ftp.quit()


def literal_sum(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", ("s3" + "cret"))
    ftp.prot_p()
    ftp.quit()


def replacement_field(host, year):
    ftp = FTP_TLS(host)
    ftp.login("deploy", f"s3cret-{year}")
    ftp.prot_p()
    ftp.quit()


def concatenation_with_a_value(host):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret-" + os.environ["FTP_SUFFIX"])
    ftp.prot_p()
    ftp.quit()


def from_the_environment(host):
    ftp = FTP_TLS(host)
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
    ftp.prot_p()
    ftp.login(os.getenv("FTP_USER"), os.getenv("FTP_PASSWORD"))
    ftp.prot_p()
    ftp.quit()

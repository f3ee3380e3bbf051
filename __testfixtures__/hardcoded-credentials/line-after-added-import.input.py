"""The line a message names is the input's, also when an earlier rewrite added an import line above it."""
from ftplib import FTP  # nosec B402

PASSWORD = "s3cret"


def legacy(host):
    return FTP(host)  # nosec B321


def upload(host):
    ftp = FTP(host)
    ftp.login("deploy", PASSWORD)
    return ftp

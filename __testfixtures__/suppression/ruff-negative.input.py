from ftplib import FTP


def connect_reporting(host, user, password):
    ftp = FTP(host, user, password, timeout=30)  # noqa: E501 -- the reporting server is slow to greet
    return ftp


def connect_archive(host):
    return FTP(host)  # noqa: S402

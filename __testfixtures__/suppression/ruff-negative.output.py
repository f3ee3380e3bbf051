from ftplib import FTP_TLS


def connect_reporting(host, user, password):
    ftp = FTP_TLS(host, user, password, timeout=30)  # noqa: E501 -- the reporting server is slow to greet
    ftp.prot_p()
    return ftp


def connect_archive(host):
    return FTP_TLS(host)  # noqa: S402

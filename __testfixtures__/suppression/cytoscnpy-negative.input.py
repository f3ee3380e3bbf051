from ftplib import FTP


def connect(host, user, password):
    ftp = FTP(host, timeout=30)  # noqa: CSP-Q202
    ftp.login(user, password)  # ignore: CSP-D702
    return ftp

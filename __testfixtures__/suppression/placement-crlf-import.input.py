from ftplib import FTP  # noqa: S402


def fetch_lab(host):
    ftp = FTP(host)  # noqa: S321
    ftp.login()
    return ftp.nlst()


def fetch_prod(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    return ftp.nlst()

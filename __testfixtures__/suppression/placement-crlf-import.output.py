from ftplib import FTP  # noqa: S402
from ftplib import FTP_TLS


def fetch_lab(host):
    ftp = FTP(host)  # noqa: S321
    ftp.login()
    return ftp.nlst()


def fetch_prod(host, user, password):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()

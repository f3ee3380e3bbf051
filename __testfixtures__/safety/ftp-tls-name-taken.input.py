from ftplib import FTP

from M2Crypto.ftpslib import FTP_TLS


def plain(host):
    conn = FTP(host)
    conn.login()
    return conn


def secure(host):
    return FTP_TLS(host)

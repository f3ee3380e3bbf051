from ftplib import FTP_TLS


def connect(host):
    return FTP_TLS(host)

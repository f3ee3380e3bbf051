from ftplib import FTP_TLS


def open_link(host):
    return FTP_TLS(host)

from ftplib import FTP, FTP_TLS


def open_link(host):
    return FTP_TLS(host)

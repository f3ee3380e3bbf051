from ftplib import FTP as PlainFTP


def connect_lab(host):
    return PlainFTP(host)  # nosec B321


def connect_prod(host):
    return PlainFTP(host)

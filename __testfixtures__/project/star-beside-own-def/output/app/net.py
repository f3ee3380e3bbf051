import ftplib


def open_link(host):
    return ftplib.FTP_TLS(host)

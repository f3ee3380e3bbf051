import ftplib


def open_link(server):
    return ftplib.FTP_TLS(server, timeout=30)

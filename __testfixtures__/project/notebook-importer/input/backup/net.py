import ftplib


def open_link(server):
    return ftplib.FTP(server, timeout=30)

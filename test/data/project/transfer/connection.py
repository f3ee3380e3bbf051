import ftplib


def connect(host, port):
    link = ftplib.FTP(timeout=20)
    link.connect(host, port)
    return link

import ftplib


def open_link(host):
    return ftplib.FTP_TLS(host)


def _open_raw(host):
    return ftplib.FTP_TLS(host)

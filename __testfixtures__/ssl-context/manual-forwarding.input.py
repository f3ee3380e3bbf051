import ftplib


def connect(*args, **kwargs):
    return ftplib.FTP_TLS(*args, **kwargs)


def connect_opts(host, **options):
    return ftplib.FTP_TLS(host, **options)


def connect_plain(host, ssl=False):
    return ftplib.FTP_TLS(host)

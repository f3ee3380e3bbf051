from ftplib import FTP_TLS


def f(h):

    c = FTP_TLS(h)
    return c, FTP_TLS

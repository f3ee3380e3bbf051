from ftplib import FTP_TLS


def f(h):
    from ftplib import FTP

    c = FTP(h)
    return c, FTP_TLS

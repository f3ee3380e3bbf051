import ftplib

__all__ = ["helper"]
__all__.append("open_link")


def helper():
    return 1


def open_link(host):
    return ftplib.FTP_TLS(host)

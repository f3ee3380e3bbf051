import sys

from ftplib import FTP, FTP_TLS

if sys.version_info >= (3, 8):
    __all__ = ["FTP", "connect"]
else:
    __all__ = ["connect"]


def connect(host):
    return FTP_TLS(host)

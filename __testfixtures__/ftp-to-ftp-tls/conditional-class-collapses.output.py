# `FTP_TLS if secure else FTP`: once renamed both branches are FTP_TLS, so the choice goes, as for calls;
# not when the condition calls something (dropping it would drop the call).
import ftplib
from ftplib import FTP_TLS


def make(secure):
    cls = ftplib.FTP_TLS
    return cls("h")


def make2(secure):
    cls = FTP_TLS
    return cls("h")


def make3(secure, h):
    return ftplib.FTP_TLS(h)


def make4(s, h):
    c = ftplib.FTP_TLS(h)
    y = [ftplib.FTP_TLS for _ in "ab"]
    z = ftplib.FTP_TLS if check(s) else ftplib.FTP_TLS
    return c, y, z


def make5(s, h):
    cls = (
        ftplib.FTP_TLS  # the secure one
        if s
        else ftplib.FTP_TLS
    )
    return cls(h)

# Exact type checks of ftplib.FTP (type(x) is FTP, ==, !=, in a tuple, x.__class__): neither FTP nor FTP_TLS keeps their
# meaning once the connections are FTP_TLS, so they stay as written and are reported; isinstance stays FTP as ever.
import ftplib
from ftplib import FTP, FTP_TLS


def checks(conn):
    a = type(conn) is ftplib.FTP
    b = type(conn) == FTP
    c = type(conn) is not ftplib.FTP
    d = ftplib.FTP != type(conn)
    e = type(conn) in (ftplib.FTP, int)
    f = type(conn) not in [FTP]
    g = conn.__class__ is FTP
    h = isinstance(conn, FTP)
    i = conn is FTP_TLS
    return FTP_TLS("h"), a, b, c, d, e, f, g, h, i

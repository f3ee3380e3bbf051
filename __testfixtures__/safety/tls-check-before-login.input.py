import ftplib
from ftplib import FTP, FTP_TLS


def connect(host, user, passwd):
    conn = ftplib.FTP()
    conn.connect(host, 2121)
    if hasattr(conn, "prot_p"):
        conn.prot_p()
    conn.login(user, passwd)
    return conn


def connect_with(host, user, passwd):
    with FTP() as conn:
        conn.connect(host, 2121)
        if isinstance(conn, FTP_TLS):
            conn.prot_p()
        conn.login(user, passwd)
        conn.retrlines("LIST")


def checked_after_login(host, user, passwd):
    conn = FTP()
    conn.connect(host, 2121)
    conn.login(user, passwd)
    if isinstance(conn, FTP_TLS):
        conn.prot_p()
    conn.retrlines("LIST")

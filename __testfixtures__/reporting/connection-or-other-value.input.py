from ftplib import FTP


def fetch(host, ftp=None):
    if ftp is None:
        ftp = FTP(host)
    ftp.login()
    ftp.retrlines("LIST")


def placeholder(host):
    conn = object()
    if host:
        conn = FTP(host)
    conn.login()


def two_factories(host, tls_factory):
    if host.startswith("ftps"):
        conn = tls_factory(host)
    else:
        conn = FTP(host)
    conn.login("user", "pw")
    conn.retrlines("LIST")


def both_made_here(host, secure):
    if secure:
        conn = FTP(host)
    else:
        conn = FTP(host, timeout=5)
    conn.login("user", "pw")

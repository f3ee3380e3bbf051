from ftplib import FTP_TLS


def fetch(host, ftp=None):
    if ftp is None:
        ftp = FTP_TLS(host)
    ftp.login()
    ftp.retrlines("LIST")


def placeholder(host):
    conn = object()
    if host:
        conn = FTP_TLS(host)
    conn.login()


def two_factories(host, tls_factory):
    if host.startswith("ftps"):
        conn = tls_factory(host)
    else:
        conn = FTP_TLS(host)
    conn.login("user", "pw")
    conn.retrlines("LIST")


def both_made_here(host, secure):
    if secure:
        conn = FTP_TLS(host)
    else:
        conn = FTP_TLS(host, timeout=5)
    conn.login("user", "pw")
    conn.prot_p()

"""A hard-coded password in login(): reported, and the file is still fixed (FTP_TLS, prot_p())."""
import ftplib
from ftplib import FTP_TLS


def upload(host, path):
    ftp = FTP_TLS(host)
    ftp.login("deploy", "s3cret")
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR " + path, fh)
    ftp.quit()


def mirror(host, secure):
    # a connection on some paths, something else on others: may be ftplib's, still reported
    conn = ftplib.FTP_TLS(host) if secure else make_other(host)
    conn.login("mirror", '''s3cret''')


def bytes_password(host):
    ftp = ftplib.FTP_TLS(host)
    ftp.login("deploy", b"s3cret")
    ftp.prot_p()


def through_getattr(host):
    link = ftplib.FTP_TLS(host)
    getattr(link, "login")("deploy", "getattr-secret")
    link.prot_p()
    return link

"""A hard-coded password in login(): reported, and the file is still fixed (FTP_TLS, prot_p())."""
import ftplib
from ftplib import FTP


def upload(host, path):
    ftp = FTP(host)
    ftp.login("deploy", "s3cret")
    with open(path, "rb") as fh:
        ftp.storbinary("STOR " + path, fh)
    ftp.quit()


def mirror(host, secure):
    # a connection on some paths, something else on others: may be ftplib's, still reported
    conn = ftplib.FTP_TLS(host) if secure else make_other(host)
    conn.login("mirror", '''s3cret''')


def bytes_password(host):
    ftp = ftplib.FTP(host)
    ftp.login("deploy", b"s3cret")


def through_getattr(host):
    link = ftplib.FTP_TLS(host)
    getattr(link, "login")("deploy", "getattr-secret")
    return link

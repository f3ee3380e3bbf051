# ruff: noqa: E501
from ftplib import FTP_TLS


def sync(host, names):
    ftp = FTP_TLS(host)  # ruff: noqa: S321
    ftp.login()
    ftp.prot_p()
    for name in names:
        with open(name, "wb") as out:
            ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()

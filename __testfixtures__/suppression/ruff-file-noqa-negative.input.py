# ruff: noqa: E501
from ftplib import FTP


def sync(host, names):
    ftp = FTP(host)  # ruff: noqa: S321
    ftp.login()
    for name in names:
        with open(name, "wb") as out:
            ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()

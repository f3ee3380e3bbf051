"""Sync the public mirror from the upstream FTP server (anonymous, read-only)."""
# ruff: noqa: S321
from ftplib import FTP


def sync(host, names):
    ftp = FTP(host)
    ftp.login()
    for name in names:
        with open(name, "wb") as out:
            ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()

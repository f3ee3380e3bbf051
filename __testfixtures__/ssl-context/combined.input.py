"""Nightly upload of the sales report."""
import os
import sys
from ftplib import FTP


def upload(path):
    ftp = FTP(os.environ["FTP_HOST"], os.environ["FTP_USER"], os.environ["FTP_PASS"], "", 30)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR sales.csv", fh)
    ftp.quit()


def listing():
    with FTP("ftp.example.com") as ftp:
        ftp.login()
        return ftp.nlst()


if __name__ == "__main__":
    upload(sys.argv[1])

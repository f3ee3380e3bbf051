"""Nightly upload of the sales report."""
import os
import ssl
import sys
from ftplib import FTP_TLS


def upload(path):
    ftp = FTP_TLS(os.environ["FTP_HOST"], os.environ["FTP_USER"], os.environ["FTP_PASS"], "", timeout=30, context=ssl.create_default_context())
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR sales.csv", fh)
    ftp.quit()


def listing():
    with FTP_TLS("ftp.example.com", context=ssl.create_default_context()) as ftp:
        ftp.login()
        ftp.prot_p()
        return ftp.nlst()


if __name__ == "__main__":
    upload(sys.argv[1])

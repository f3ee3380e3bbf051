"""Uploads a report to the company FTP server (the code under test)."""
import ftplib
import os


def upload(host, user, password, path):
    ftp = ftplib.FTP(host)
    ftp.login(user, password)
    with open(path, "rb") as f:
        ftp.storbinary("STOR " + os.path.basename(path), f)
    ftp.quit()

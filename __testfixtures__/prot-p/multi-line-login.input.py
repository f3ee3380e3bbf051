import os
from ftplib import FTP


def connect():
    ftp = FTP(os.environ["FTP_HOST"])
    ftp.login(
        user=os.environ["FTP_USER"],
        passwd=os.environ["FTP_PASSWORD"],
    )
    ftp.cwd(os.environ.get("FTP_DIR", "/"))
    return ftp

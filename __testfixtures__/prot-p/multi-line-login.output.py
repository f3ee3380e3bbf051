import os
from ftplib import FTP_TLS


def connect():
    ftp = FTP_TLS(os.environ["FTP_HOST"])
    ftp.login(
        user=os.environ["FTP_USER"],
        passwd=os.environ["FTP_PASSWORD"],
    )
    ftp.prot_p()
    ftp.cwd(os.environ.get("FTP_DIR", "/"))
    return ftp

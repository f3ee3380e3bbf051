"""Push a file to the FTP server, then fetch a file back.

The most common pattern: a plain script with `FTP()`, `connect()` and `login()`
spelled out. Server and credentials come from the environment (FTP_HOST,
FTP_PORT, FTP_USER, FTP_PASS); UPLOAD_FILE is stored under its own name, and
the remote file named like DOWNLOAD_FILE is saved to DOWNLOAD_FILE.
"""
import os
from ftplib import FTP

host = os.environ["FTP_HOST"]
port = int(os.environ["FTP_PORT"])
user = os.environ["FTP_USER"]
passwd = os.environ["FTP_PASS"]
upload = os.environ["UPLOAD_FILE"]
download = os.environ["DOWNLOAD_FILE"]

ftp = FTP()
ftp.connect(host, port)
ftp.login(user, passwd)
with open(upload, "rb") as fh:
    ftp.storbinary("STOR " + os.path.basename(upload), fh)
with open(download, "wb") as fh:
    ftp.retrbinary("RETR " + os.path.basename(download), fh.write)
ftp.quit()

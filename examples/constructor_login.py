"""Connect and log in from the constructor: `FTP(host, user, passwd)`.

The constructor always connects to `FTP.port` (21 unless changed), so scripts
that talk to a server on another port set the class attribute first. There is
no separate login() call here, so nothing else marks where the session starts.
Environment as in plain_upload.py.
"""
import ftplib
import os
from ftplib import FTP

ftplib.FTP.port = int(os.environ["FTP_PORT"])

upload = os.environ["UPLOAD_FILE"]
download = os.environ["DOWNLOAD_FILE"]

ftp = FTP(os.environ["FTP_HOST"], os.environ["FTP_USER"], os.environ["FTP_PASS"])
with open(upload, "rb") as fh:
    ftp.storbinary("STOR " + os.path.basename(upload), fh)
with open(download, "wb") as fh:
    ftp.retrbinary("RETR " + os.path.basename(download), fh.write)
ftp.quit()

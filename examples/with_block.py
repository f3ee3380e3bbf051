"""Transfer inside a `with FTP() as ftp:` block.

The context-manager pattern: the connection is closed (QUIT) when the block
ends, even on error. Environment as in plain_upload.py.
"""
import os
from ftplib import FTP

upload = os.environ["UPLOAD_FILE"]
download = os.environ["DOWNLOAD_FILE"]

with FTP() as ftp:
    ftp.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        ftp.storbinary(f"STOR {os.path.basename(upload)}", fh)
    with open(download, "wb") as fh:
        ftp.retrbinary(f"RETR {os.path.basename(download)}", fh.write)

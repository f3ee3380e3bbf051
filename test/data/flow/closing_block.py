"""A connection wrapped in contextlib.closing() and logged in inside the block.

Environment as in test/helpers/e2e.ts.
"""
import os
from contextlib import closing
from ftplib import FTP


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    with closing(FTP(timeout=20)) as ftp:
        ftp.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
        ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
        with open(upload, "rb") as fh:
            ftp.storbinary("STOR " + os.path.basename(upload), fh)
        with open(download, "wb") as fh:
            ftp.retrbinary("RETR " + os.path.basename(download), fh.write)


main()

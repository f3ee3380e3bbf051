"""A helper that logs in the connection it is given, called with a connection made here.

Environment as in test/helpers/e2e.ts.
"""
import os
from ftplib import FTP


def sign_on(conn, creds):
    conn.login(*creds)
    conn.cwd("/")


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    conn = FTP(timeout=20)
    conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    sign_on(conn, (os.environ["FTP_USER"], os.environ["FTP_PASS"]))
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()


main()

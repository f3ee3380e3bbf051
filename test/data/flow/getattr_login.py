"""A login called through getattr(conn, "login").

Environment as in test/helpers/e2e.ts.
"""
import os
import ftplib


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    conn = ftplib.FTP(timeout=20)
    conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    getattr(conn, "login")(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()


main()

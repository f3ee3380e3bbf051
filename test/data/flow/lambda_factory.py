"""A connection made by a lambda, chosen in one branch, ftplib's class in the other; logged in after the call.

Environment: FTP_HOST, FTP_PORT, FTP_USER, FTP_PASS, UPLOAD_FILE, DOWNLOAD_FILE (test/helpers/e2e.ts).
"""
import ftplib
import os


def main(short_timeout):
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    if short_timeout:
        make = lambda: ftplib.FTP(timeout=20)
    else:
        make = ftplib.FTP
    conn = make()
    conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    conn.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()


main(True)

"""functools.partial of the class, used as a class.

Environment as in test/helpers/e2e.ts.
"""
import ftplib
import functools
import os

Quick = functools.partial(ftplib.FTP, timeout=20)


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    ftp = Quick()
    ftp.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        ftp.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        ftp.retrbinary("RETR " + os.path.basename(download), fh.write)
    ftp.quit()


main()

"""A connection made by one of several callables (a factory function here, or ftplib's class) and logged in
after the call.

Environment: FTP_HOST, FTP_PORT, FTP_USER, FTP_PASS, UPLOAD_FILE, DOWNLOAD_FILE (test/helpers/e2e.ts).
"""
import ftplib
import os


def open_link(timeout):
    return ftplib.FTP(timeout=timeout)


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    for make in (open_link, ftplib.FTP):
        conn = make(timeout=20)
        conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
        conn.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
        with open(upload, "rb") as fh:
            conn.storbinary("STOR " + os.path.basename(upload), fh)
        with open(download, "wb") as fh:
            conn.retrbinary("RETR " + os.path.basename(download), fh.write)
        conn.quit()


main()

"""A factory handed to the function that logs in what it makes (`transfer(open_link)`).

Environment: FTP_HOST, FTP_PORT, FTP_USER, FTP_PASS, UPLOAD_FILE, DOWNLOAD_FILE (test/helpers/e2e.ts).
"""
import ftplib
import os


def open_link():
    return ftplib.FTP(timeout=20)


def transfer(factory):
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    conn = factory()
    conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    conn.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()


transfer(open_link)

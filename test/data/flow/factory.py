"""A connection made by a factory function and logged in by its caller.

Environment: FTP_HOST, FTP_PORT, FTP_USER, FTP_PASS, UPLOAD_FILE, DOWNLOAD_FILE (test/helpers/e2e.ts).
"""
import ftplib
import os


def make_session(host, port):
    session = ftplib.FTP(timeout=20)
    session.connect(host, port)
    return session


def main():
    sess = make_session(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    sess.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    with open(upload, "rb") as fh:
        sess.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        sess.retrbinary("RETR " + os.path.basename(download), fh.write)
    sess.quit()


main()

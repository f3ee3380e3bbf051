"""A class whose constructor makes the connection, logged in through an instance outside the class.

Environment as in test/helpers/e2e.ts.
"""
import os
import ftplib


class Client:
    def __init__(self):
        self.conn = ftplib.FTP(timeout=20)


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    client = Client()
    client.conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
    client.conn.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(upload, "rb") as fh:
        client.conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        client.conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    client.conn.quit()


main()

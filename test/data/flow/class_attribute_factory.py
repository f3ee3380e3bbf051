"""A class attribute that names the connection class, used by a base class's method.

Environment as in test/helpers/e2e.ts.
"""
import ftplib
import os


class Transfer:
    def open(self):
        self.conn = self.connection_class(timeout=20)
        self.conn.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
        self.conn.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])

    def run(self, upload, download):
        self.open()
        with open(upload, "rb") as fh:
            self.conn.storbinary("STOR " + os.path.basename(upload), fh)
        with open(download, "wb") as fh:
            self.conn.retrbinary("RETR " + os.path.basename(download), fh.write)
        self.conn.quit()


class PlainTransfer(Transfer):
    connection_class = ftplib.FTP


PlainTransfer().run(os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"])

"""A small client class that owns its connection.

The pattern of in-house "FTP helper" modules: the connection is created in
`__init__` (`self.ftp = ftplib.FTP(timeout=30)`) but connected and logged in
later, in another method. Environment as in plain_upload.py.
"""
import ftplib
import os


class FtpClient:
    def __init__(self, host, port, user, passwd):
        self.host = host
        self.port = port
        self.user = user
        self.passwd = passwd
        self.ftp = ftplib.FTP(timeout=30)

    def connect(self):
        self.ftp.connect(self.host, self.port)
        self.ftp.login(self.user, self.passwd)

    def upload(self, path):
        with open(path, "rb") as fh:
            self.ftp.storbinary("STOR " + os.path.basename(path), fh)

    def download(self, path):
        with open(path, "wb") as fh:
            self.ftp.retrbinary("RETR " + os.path.basename(path), fh.write)

    def close(self):
        self.ftp.quit()


def main():
    client = FtpClient(
        os.environ["FTP_HOST"],
        int(os.environ["FTP_PORT"]),
        os.environ["FTP_USER"],
        os.environ["FTP_PASS"],
    )
    client.connect()
    client.upload(os.environ["UPLOAD_FILE"])
    client.download(os.environ["DOWNLOAD_FILE"])
    client.close()


if __name__ == "__main__":
    main()

"""A client class that logs in at once when given credentials, or connects and logs in later.

FTP.__init__ logs in only when it is given a user: a prot_p() added unconditionally after the parent's
__init__ would fail on an instance made without credentials. Environment as in test/helpers/e2e.ts.
"""
import ftplib
import os


class Client(ftplib.FTP):
    def __init__(self, host=None, user=None, passwd=None):
        super().__init__(host, user, passwd)
        self.transfers = 0

    def upload(self, path):
        with open(path, "rb") as fh:
            self.storbinary("STOR " + os.path.basename(path), fh)
        self.transfers += 1


def main():
    host, port = os.environ["FTP_HOST"], int(os.environ["FTP_PORT"])
    user, passwd = os.environ["FTP_USER"], os.environ["FTP_PASS"]
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]

    later = Client()
    later.connect(host, port)
    later.login(user, passwd)
    later.upload(upload)
    later.quit()

    Client.port = port  # connect(host) in __init__ uses the class's port
    at_once = Client(host, user, passwd)
    with open(download, "wb") as fh:
        at_once.retrbinary("RETR " + os.path.basename(download), fh.write)
    at_once.quit()


main()

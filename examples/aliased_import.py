"""A deceptive alias: `from ftplib import FTP as SecureFTP`.

The name promises encryption, but SecureFTP is plain ftplib.FTP: passwords and
files cross the network in cleartext. Used inside a function, as a sync job
would. Environment as in plain_upload.py.
"""
import os
from ftplib import FTP as SecureFTP


def sync(host, port, user, passwd, upload, download):
    client = SecureFTP()
    client.connect(host, port, timeout=30)
    client.login(user, passwd)
    try:
        with open(upload, "rb") as fh:
            client.storbinary("STOR " + os.path.basename(upload), fh)
        with open(download, "wb") as fh:
            client.retrbinary("RETR " + os.path.basename(download), fh.write)
    finally:
        client.close()


if __name__ == "__main__":
    env = os.environ
    sync(env["FTP_HOST"], int(env["FTP_PORT"]), env["FTP_USER"], env["FTP_PASS"],
         env["UPLOAD_FILE"], env["DOWNLOAD_FILE"])

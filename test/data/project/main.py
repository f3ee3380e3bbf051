"""Uploads UPLOAD_FILE and downloads DOWNLOAD_FILE through the transfer package (see test/helpers/e2e.ts)."""
import os

from transfer.jobs.copy import upload

settings = {
    "host": os.environ["FTP_HOST"],
    "port": int(os.environ["FTP_PORT"]),
    "user": os.environ["FTP_USER"],
    "password": os.environ["FTP_PASS"],
}
conn = upload(settings, os.environ["UPLOAD_FILE"])
download = os.environ["DOWNLOAD_FILE"]
with open(download, "wb") as fh:
    conn.retrbinary("RETR " + os.path.basename(download), fh.write)
conn.quit()

"""A connection entered into an ExitStack, with the files it transfers.

Environment as in test/helpers/e2e.ts.
"""
import ftplib
import os
from contextlib import ExitStack


def main():
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    with ExitStack() as stack:
        ftp = stack.enter_context(ftplib.FTP(timeout=20))
        ftp.connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]))
        ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
        source = stack.enter_context(open(upload, "rb"))
        ftp.storbinary("STOR " + os.path.basename(upload), source)
        target = stack.enter_context(open(download, "wb"))
        ftp.retrbinary("RETR " + os.path.basename(download), target.write)


main()

"""FTP_TLS code that already protects its data channel, just not on the line after login().

One connection sets PROT P before it logs in (the level stays set across the login), the other after a few
control-channel calls. Neither needs another prot_p(). Environment as in test/helpers/e2e.ts.
"""
import ftplib
import os


def main():
    host, port = os.environ["FTP_HOST"], int(os.environ["FTP_PORT"])
    user, passwd = os.environ["FTP_USER"], os.environ["FTP_PASS"]
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]

    first = ftplib.FTP_TLS()
    first.connect(host, port)
    first.auth()
    first.prot_p()
    first.login(user, passwd)
    with open(upload, "rb") as fh:
        first.storbinary("STOR " + os.path.basename(upload), fh)
    first.quit()

    later = ftplib.FTP_TLS()
    later.connect(host, port)
    later.login(user, passwd)
    later.set_pasv(True)
    later.cwd("/")
    later.prot_p()
    with open(download, "wb") as fh:
        later.retrbinary("RETR " + os.path.basename(download), fh.write)
    later.quit()


main()

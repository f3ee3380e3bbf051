"""Code that asks whether its connection is TLS before logging in.

With ftplib.FTP the check is false and the script works against a server that allows cleartext. Renamed
to FTP_TLS, the check would turn true and send PROT P before the login, which servers refuse (503).
Environment as in test/helpers/e2e.ts.
"""
import ftplib
import os


def connect(host, port, user, passwd):
    conn = ftplib.FTP()
    conn.connect(host, port)
    if hasattr(conn, "prot_p"):
        conn.prot_p()
    conn.login(user, passwd)
    return conn


def main():
    conn = connect(os.environ["FTP_HOST"], int(os.environ["FTP_PORT"]), os.environ["FTP_USER"], os.environ["FTP_PASS"])
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()


main()

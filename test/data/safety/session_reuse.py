"""TLS session reuse on the data channel (the well-known recipe), beside a cleartext helper.

ReusedSessionFTP calls ftplib.FTP.ntransfercmd on purpose, to skip FTP_TLS's own wrapping and wrap the
data socket itself with the control connection's session. It works as written; renamed to
FTP_TLS.ntransfercmd, the socket would be wrapped twice and every transfer fail. The cleartext helper
below it is what ftptls must fix. Environment: FTP_HOST, FTP_PORT, FTP_USER, FTP_PASS, UPLOAD_FILE,
DOWNLOAD_FILE (see test/helpers/e2e.ts).
"""
import ftplib
import os


class ReusedSessionFTP(ftplib.FTP_TLS):
    def ntransfercmd(self, cmd, rest=None):
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        if self._prot_p:
            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
        return conn, size


def listing(host, port, user, passwd):
    conn = ftplib.FTP()
    conn.connect(host, port)
    conn.login(user, passwd)
    names = conn.nlst()
    conn.quit()
    return names


def main():
    host, port = os.environ["FTP_HOST"], int(os.environ["FTP_PORT"])
    user, passwd = os.environ["FTP_USER"], os.environ["FTP_PASS"]
    upload, download = os.environ["UPLOAD_FILE"], os.environ["DOWNLOAD_FILE"]
    conn = ReusedSessionFTP()
    conn.connect(host, port)
    conn.login(user, passwd)
    conn.prot_p()
    with open(upload, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(upload), fh)
    with open(download, "wb") as fh:
        conn.retrbinary("RETR " + os.path.basename(download), fh.write)
    conn.quit()
    assert os.path.basename(upload) in listing(host, port, user, passwd)


main()

import ftplib


def sign_on(conn, creds):
    conn.login(*creds)
    conn.cwd("/")


class Mirror:
    def _open(self, conn, user, passwd):
        conn.login(user, passwd)
        return conn

    def run(self, host, user, passwd):
        conn = self._open(ftplib.FTP(host), user, passwd)
        conn.retrlines("LIST")


def main(host, creds, other):
    sign_on(ftplib.FTP(host), creds)
    sign_on(other, creds)

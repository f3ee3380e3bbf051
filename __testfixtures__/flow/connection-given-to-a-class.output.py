from contextlib import closing
from ftplib import FTP_TLS


class Session:
    def __init__(self, conn):
        self.conn = conn

    def open(self, user, passwd):
        self.conn.login(user, passwd)
        self.conn.prot_p()


class Adopted:
    def __init__(self, conn):
        self.conn = conn

    def open(self, user, passwd):
        self.conn.login(user, passwd)
        self.conn.retrlines("LIST")


def main(host, user, passwd):
    with closing(FTP_TLS(timeout=20)) as conn:
        conn.connect(host, 2121)
        Session(conn).open(user, passwd)
        conn.retrlines("LIST")

from contextlib import closing
from ftplib import FTP


class Session:
    def __init__(self, conn):
        self.conn = conn

    def open(self, user, passwd):
        self.conn.login(user, passwd)


class Adopted:
    def __init__(self, conn):
        self.conn = conn

    def open(self, user, passwd):
        self.conn.login(user, passwd)
        self.conn.retrlines("LIST")


def main(host, user, passwd):
    with closing(FTP(timeout=20)) as conn:
        conn.connect(host, 2121)
        Session(conn).open(user, passwd)
        conn.retrlines("LIST")

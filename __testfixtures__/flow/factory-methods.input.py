import ftplib


class Holder:
    def __init__(self, host):
        self.conn = ftplib.FTP(host)

    def connection(self):
        return self.conn

    @property
    def ftp(self):
        return self.conn

    @staticmethod
    def fresh(host):
        return ftplib.FTP(host)

    def start(self, user, pw):
        c = self.connection()
        c.login(user, pw)
        self.ftp.login(user, pw)
        f = Holder.fresh("h")
        f.login(user, pw)

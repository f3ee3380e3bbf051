import ftplib


class Holder:
    def __init__(self, host):
        self.conn = ftplib.FTP_TLS(host)

    def connection(self):
        return self.conn

    @property
    def ftp(self):
        return self.conn

    @staticmethod
    def fresh(host):
        return ftplib.FTP_TLS(host)

    def start(self, user, pw):
        c = self.connection()
        c.login(user, pw)
        c.prot_p()
        self.ftp.login(user, pw)
        self.ftp.prot_p()
        f = Holder.fresh("h")
        f.login(user, pw)
        f.prot_p()

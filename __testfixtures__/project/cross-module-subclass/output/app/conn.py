import ftplib


class Connection(ftplib.FTP_TLS):
    def stat(self, path):
        return self.sendcmd("STAT " + path)


class Guarded(ftplib.FTP_TLS):
    def login(self, user="", passwd="", acct=""):
        reply = super().login(user, passwd, acct)
        self.prot_p()
        return reply

from ftplib import FTP_TLS


class Conn:
    def __init__(self):
        self.con = self.make_connection()

    def make_connection(self):
        return FTP_TLS()

    def connect(self, host, user, pw):
        self.con.connect(host)
        self.con.login(user, pw)
        self.con.prot_p()


class TlsConn(Conn):
    # self.make_connection() in Conn's methods may be this one: the value is the merge of both
    def make_connection(self):
        return FTP_TLS()

import ftplib


class Client:
    conn = None

    def __init__(self, host):
        self.conn = ftplib.FTP_TLS(host)

    def session(self):
        return self.conn


class App:
    def __init__(self, host):
        self.client = Client(host)

    def start(self, user, pw):
        self.client.conn.login(user, pw)
        self.client.conn.prot_p()


def outside(host, user, pw):
    c = Client(host)
    c.conn.login(user, pw)
    c.conn.prot_p()
    c.session().login(user, pw)
    return c.conn.nlst()


def chained(host, user, pw):
    Client(host).conn.login(user, pw)

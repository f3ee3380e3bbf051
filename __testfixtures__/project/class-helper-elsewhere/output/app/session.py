class Session:
    def __init__(self, conn, user, pw):
        self.conn = conn
        self.user = user
        self.pw = pw

    def open(self):
        self.conn.login(self.user, self.pw)
        self.conn.prot_p()
        return self.conn


class Greeter:
    def __init__(self, conn):
        self.conn = conn

    def hello(self):
        self.conn.login()

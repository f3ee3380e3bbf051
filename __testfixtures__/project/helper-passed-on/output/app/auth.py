def sign_on(conn, user, pw):
    conn.login(user, pw)
    conn.prot_p()


def greet(conn):
    conn.login()


class Session:
    def __init__(self, link):
        self.link = link

    def open(self, user, pw):
        self.link.login(user, pw)
        self.link.prot_p()

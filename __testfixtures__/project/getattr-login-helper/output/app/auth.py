"""Login helpers that log in through getattr: they do not use ftplib, and what the callers pass decides."""


def sign_on(conn, user, pw):
    getattr(conn, "login")(user, pw)
    conn.prot_p()


class Session:
    def __init__(self, link):
        self.link = link

    def open(self, user, pw):
        getattr(self.link, "login")(user, pw)
        self.link.prot_p()
        return self.link

import ftplib


class Client(ftplib.FTP):
    """Log in at once when given credentials, or connect and log in later."""

    def __init__(self, host=None, user=None, passwd=None, timeout=30):
        super().__init__(host, user, passwd, timeout=timeout)
        self.history = []


class Named(ftplib.FTP):
    def __init__(self, host, user="", passwd=""):
        ftplib.FTP.__init__(self, host, user, passwd)


class Always(ftplib.FTP):
    def __init__(self, host, user, passwd):
        super().__init__(host, user, passwd)


class Computed(ftplib.FTP):
    def __init__(self, host, creds=None):
        super().__init__(host, creds and creds.user, creds and creds.password)


def later(host, user, passwd):
    conn = Client()
    conn.connect(host, 2121)
    conn.login(user, passwd)
    conn.retrlines("LIST")

import ftplib


class Client(ftplib.FTP_TLS):
    """Log in at once when given credentials, or connect and log in later."""

    def __init__(self, host=None, user=None, passwd=None, timeout=30):
        super().__init__(host, user, passwd, timeout=timeout)
        if host and user:
            self.prot_p()
        self.history = []


class Named(ftplib.FTP_TLS):
    def __init__(self, host, user="", passwd=""):
        ftplib.FTP_TLS.__init__(self, host, user, passwd)
        if user:
            self.prot_p()


class Always(ftplib.FTP_TLS):
    def __init__(self, host, user, passwd):
        super().__init__(host, user, passwd)
        self.prot_p()


class Computed(ftplib.FTP_TLS):
    def __init__(self, host, creds=None):
        super().__init__(host, creds and creds.user, creds and creds.password)


def later(host, user, passwd):
    conn = Client()
    conn.connect(host, 2121)
    conn.login(user, passwd)
    conn.prot_p()
    conn.retrlines("LIST")

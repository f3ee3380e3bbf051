import ftplib


class AccountFTP(ftplib.FTP_TLS):
    """An FTP connection that logs in with the account it was made for."""

    def __init__(self, host, account):
        super().__init__(host, account.user, account.password, timeout=60)
        self.prot_p()
        self.account = account

    def relogin(self):
        self.close()
        self.connect(self.account.host)
        self.login(self.account.user, self.account.password)
        self.prot_p()


class LegacyFTP(ftplib.FTP_TLS):
    def __init__(self, host, user, password):
        ftplib.FTP_TLS.__init__(self, host, user, password)
        self.prot_p()

    @classmethod
    def anonymous(cls, host):
        return cls(host, "anonymous", "guest@")

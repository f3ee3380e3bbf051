import ftplib


class AccountFTP(ftplib.FTP):
    """An FTP connection that logs in with the account it was made for."""

    def __init__(self, host, account):
        super().__init__(host, account.user, account.password, timeout=60)
        self.account = account

    def relogin(self):
        self.close()
        self.connect(self.account.host)
        self.login(self.account.user, self.account.password)


class LegacyFTP(ftplib.FTP):
    def __init__(self, host, user, password):
        ftplib.FTP.__init__(self, host, user, password)

    @classmethod
    def anonymous(cls, host):
        return cls(host, "anonymous", "guest@")

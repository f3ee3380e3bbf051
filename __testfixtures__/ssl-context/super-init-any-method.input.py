from ftplib import FTP_TLS


class Client(FTP_TLS):
    """Its own __init__: Client(...) is not FTP_TLS's constructor, but the parent calls below are."""

    def __init__(self, host):
        super().__init__(host)

    def reconnect(self, host):
        # any method may run the parent's __init__ again
        super().__init__(host, timeout=30)
        FTP_TLS.__init__(self, host)

    def helper(self, host):
        def inner():
            return [FTP_TLS(h) for h in (host,)]

        return inner()


def reset(conn, host):
    FTP_TLS.__init__(conn, host)


c = Client("ftp.example.com")

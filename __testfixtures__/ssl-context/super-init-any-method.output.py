import ssl
from ftplib import FTP_TLS


class Client(FTP_TLS):
    """Its own __init__: Client(...) is not FTP_TLS's constructor, but the parent calls below are."""

    def __init__(self, host):
        super().__init__(host, context=ssl.create_default_context())

    def reconnect(self, host):
        # any method may run the parent's __init__ again
        super().__init__(host, timeout=30, context=ssl.create_default_context())
        FTP_TLS.__init__(self, host, context=ssl.create_default_context())

    def helper(self, host):
        def inner():
            return [FTP_TLS(h, context=ssl.create_default_context()) for h in (host,)]

        return inner()


def reset(conn, host):
    FTP_TLS.__init__(conn, host, context=ssl.create_default_context())


c = Client("ftp.example.com")

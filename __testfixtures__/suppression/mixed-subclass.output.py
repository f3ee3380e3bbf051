from ftplib import FTP, FTP_TLS


class LoopbackFTP(FTP):  # nosec B321 - test server on 127.0.0.1 only
    """Plain FTP to the in-process test server."""

    def __init__(self, port):
        super().__init__()
        self.connect("127.0.0.1", port)
        self.login("test", "test")


def connect_remote(host, user, password):
    ftp = FTP_TLS(host, user, password)
    ftp.prot_p()
    return ftp

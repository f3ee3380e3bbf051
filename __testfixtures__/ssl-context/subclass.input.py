import ftplib


class Mirror(ftplib.FTP_TLS):
    """No __init__ of its own: calls to it are FTP_TLS's."""

    def mirror(self, path):
        self.retrlines("LIST " + path)


class Archive(ftplib.FTP_TLS):
    def __init__(self, host):
        super().__init__(host, timeout=60)


class Legacy(ftplib.FTP_TLS):
    def __init__(self, host):
        ftplib.FTP_TLS.__init__(self, host)


def connect(host, factory=ftplib.FTP_TLS):
    return factory(host)


m = Mirror("ftp.example.com")
a = Archive("ftp.example.com")
l = Legacy("ftp.example.com")

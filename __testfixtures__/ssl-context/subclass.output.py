import ftplib
import ssl


class Mirror(ftplib.FTP_TLS):
    """No __init__ of its own: calls to it are FTP_TLS's."""

    def mirror(self, path):
        self.retrlines("LIST " + path)


class Archive(ftplib.FTP_TLS):
    def __init__(self, host):
        super().__init__(host, timeout=60, context=ssl.create_default_context())


class Legacy(ftplib.FTP_TLS):
    def __init__(self, host):
        ftplib.FTP_TLS.__init__(self, host, context=ssl.create_default_context())


def connect(host, factory=ftplib.FTP_TLS):
    return factory(host, context=ssl.create_default_context())


m = Mirror("ftp.example.com", context=ssl.create_default_context())
a = Archive("ftp.example.com")
l = Legacy("ftp.example.com")

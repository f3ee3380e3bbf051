import ftplib as ftp_mod

DEFAULT_TIMEOUT = 20


class Mirror:
    def __init__(self, host):
        self.host = host

    def connect(self):
        return ftp_mod.FTP_TLS(self.host, timeout=DEFAULT_TIMEOUT)

    def is_error(self, exc):
        return isinstance(exc, ftp_mod.all_errors)

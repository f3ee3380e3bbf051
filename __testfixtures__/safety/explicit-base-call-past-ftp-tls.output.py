import ftplib
from ftplib import FTP, FTP_TLS


class ReusedSessionFTP(ftplib.FTP_TLS):
    """The data connection reuses the control connection's TLS session (servers that require it)."""

    def ntransfercmd(self, cmd, rest=None):
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        if self._prot_p:
            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
        return conn, size


class QuietTLS(FTP_TLS):
    def __init__(self, host="", user="", passwd="", acct="", timeout=60):
        FTP.__init__(self, host, user, passwd, acct, timeout)

    def login(self, user="", passwd="", acct=""):
        return FTP.login(self, user, passwd, acct)


class Mirror(FTP_TLS):
    def login(self, user="", passwd="", acct=""):
        return FTP_TLS.login(self, user, passwd, acct)


class DeepMirror(Mirror):
    def retrlines(self, cmd, callback=None):
        return FTP_TLS.retrlines(self, cmd, callback)

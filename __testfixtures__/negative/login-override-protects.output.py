from ftplib import FTP_TLS


class ProtectedFTP(FTP_TLS):
    """Every login also protects the data channel."""

    def login(self, user="", passwd="", acct="", secure=True):
        response = super().login(user, passwd, acct, secure)
        self.prot_p()
        return response


def fetch(host, user, password, name, sink):
    client = ProtectedFTP(host)
    client.login(user, password)
    client.retrbinary("RETR " + name, sink.write)
    client.quit()


def fetch_direct(host, user, password, name, sink):
    with ProtectedFTP(host, user, password) as client:
        client.retrbinary("RETR " + name, sink.write)

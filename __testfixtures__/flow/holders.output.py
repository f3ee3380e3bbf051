import ftplib

DEFAULT_FACTORY = ftplib.FTP_TLS


class App:
    pass


class Client:
    connection_class = ftplib.FTP_TLS

    def open(self, host, user, pw):
        self.conn = self.connection_class(host)
        self.conn.login(user, pw)
        self.conn.prot_p()


def with_default(host, user, pw, factory=DEFAULT_FACTORY):
    conn = factory(host)
    conn.login(user, pw)
    conn.prot_p()


def holders(host, user, pw, hosts):
    app = App()
    app.ftp = ftplib.FTP_TLS(host)
    app.ftp.login(user, pw)
    app.ftp.prot_p()
    if (conn := ftplib.FTP_TLS(host)) is not None:
        conn.login(user, pw)
        conn.prot_p()
    a = b = ftplib.FTP_TLS(host)
    b.login(user, pw)
    b.prot_p()
    first, second = ftplib.FTP_TLS(host), ftplib.FTP_TLS(host)
    second.login(user, pw)
    second.prot_p()

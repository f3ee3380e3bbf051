import ftplib

DEFAULT_FACTORY = ftplib.FTP


class App:
    pass


class Client:
    connection_class = ftplib.FTP

    def open(self, host, user, pw):
        self.conn = self.connection_class(host)
        self.conn.login(user, pw)


def with_default(host, user, pw, factory=DEFAULT_FACTORY):
    conn = factory(host)
    conn.login(user, pw)


def holders(host, user, pw, hosts):
    app = App()
    app.ftp = ftplib.FTP(host)
    app.ftp.login(user, pw)
    if (conn := ftplib.FTP(host)) is not None:
        conn.login(user, pw)
    a = b = ftplib.FTP(host)
    b.login(user, pw)
    first, second = ftplib.FTP(host), ftplib.FTP(host)
    second.login(user, pw)

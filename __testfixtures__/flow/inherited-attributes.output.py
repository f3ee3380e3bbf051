import ftplib


class BaseTest:
    def setUp(self):
        self.client = self.client_class(timeout=10)
        self.client.connect("127.0.0.1", 2121)
        self.client.login("user", "pw")
        self.client.prot_p()


class PlainTest(BaseTest):
    client_class = ftplib.FTP_TLS


class Connector:
    def open(self, host):
        self.conn = ftplib.FTP_TLS(host)


class Uploader(Connector):
    def run(self, host, user, pw):
        self.open(host)
        self.conn.login(user, pw)
        self.conn.prot_p()

# pyftpdlib's own test helpers run FTPHandler unless a subclass sets another handler.
import ftplib

from pyftpdlib.test import GLOBAL_TIMEOUT, PASSWD, USER, PyftpdlibTestCase, ThreadedTestFTPd


class TestListing(PyftpdlibTestCase):
    server_class = ThreadedTestFTPd
    client_class = ftplib.FTP

    def setUp(self):
        super().setUp()
        self.server = self.server_class()
        self.server.start()
        self.client = self.client_class(timeout=GLOBAL_TIMEOUT)
        self.client.connect(self.server.host, self.server.port)
        self.client.login(USER, PASSWD)

    def tearDown(self):
        self.client.close()
        self.server.stop()
        super().tearDown()

    def test_nlst(self):
        self.client.nlst()

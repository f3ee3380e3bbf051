# A pyftpdlib.test helper subclassed with a TLS handler is a TLS server: the client is fixed.
import ftplib

from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.test import GLOBAL_TIMEOUT, PASSWD, USER, PyftpdlibTestCase, ThreadedTestFTPd


class RequireTLS(TLS_FTPHandler):
    certfile = "keycert.pem"
    tls_control_required = True
    tls_data_required = True


class FTPSServer(ThreadedTestFTPd):
    handler = RequireTLS


class TestListing(PyftpdlibTestCase):
    def setUp(self):
        super().setUp()
        self.server = FTPSServer()
        self.server.start()
        self.client = ftplib.FTP(timeout=GLOBAL_TIMEOUT)
        self.client.connect(self.server.host, self.server.port)
        self.client.login(USER, PASSWD)

    def tearDown(self):
        self.client.close()
        self.server.stop()
        super().tearDown()

    def test_nlst(self):
        self.client.nlst()

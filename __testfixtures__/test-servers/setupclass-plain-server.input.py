import ftplib
import os
import tempfile
import threading
import unittest

from pyftpdlib import handlers, servers
from pyftpdlib.authorizers import DummyAuthorizer


class UploadTests(unittest.TestCase):
    client_class = ftplib.FTP

    @classmethod
    def setUpClass(cls):
        cls.home = tempfile.mkdtemp()
        authorizer = DummyAuthorizer()
        authorizer.add_user(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"], cls.home, perm="elradfmw")

        class Handler(handlers.FTPHandler):
            banner = "test server"

        Handler.authorizer = authorizer
        cls.server = servers.ThreadedFTPServer(("127.0.0.1", 0), Handler)
        cls.thread = threading.Thread(target=cls.server.serve_forever)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close_all()
        cls.thread.join()

    def setUp(self):
        self.client = self.client_class(timeout=10)
        self.client.connect(*self.server.address)
        self.client.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])

    def tearDown(self):
        self.client.close()

    def test_mkd(self):
        self.client.mkd("incoming")
        self.assertTrue(os.path.isdir(os.path.join(self.home, "incoming")))

    def test_second_session(self):
        other = ftplib.FTP()
        other.connect(*self.server.address)
        other.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
        other.quit()


if __name__ == "__main__":
    unittest.main()

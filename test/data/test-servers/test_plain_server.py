# A unittest suite that runs its own cleartext FTP server (pyftpdlib's FTPHandler, on 127.0.0.1, a free port,
# in a thread) and points ftplib.FTP clients at it. ftptls must leave those clients alone: as FTP_TLS they
# would send AUTH TLS, which this server does not understand, and the suite would fail.
import ftplib
import io
import logging
import os
import shutil
import tempfile
import threading
import unittest

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer

USER = "tester"
PASSWORD = os.environ.get("TEST_FTP_PASSWORD", "only-for-this-test")
logging.getLogger("pyftpdlib").addHandler(logging.NullHandler())  # quiet: no log lines on stderr
PAYLOAD = b"hello over cleartext\n" * 64


class PlainServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.home = tempfile.mkdtemp()
        authorizer = DummyAuthorizer()
        authorizer.add_user(USER, PASSWORD, cls.home, perm="elradfmw")
        handler = FTPHandler
        handler.authorizer = authorizer
        cls.server = FTPServer(("127.0.0.1", 0), handler)
        cls.stopping = threading.Event()
        cls.thread = threading.Thread(target=cls.serve, daemon=True)
        cls.thread.start()

    @classmethod
    def serve(cls):
        while not cls.stopping.is_set():
            cls.server.serve_forever(timeout=0.01, blocking=False)

    @classmethod
    def tearDownClass(cls):
        cls.stopping.set()
        cls.thread.join(10)
        cls.server.close_all()
        shutil.rmtree(cls.home)

    def connect(self):
        conn = ftplib.FTP(timeout=10)
        conn.connect(*self.server.address)
        conn.login(USER, PASSWORD)
        return conn

    def test_upload_then_download(self):
        conn = self.connect()
        conn.storbinary("STOR payload.bin", io.BytesIO(PAYLOAD))
        received = io.BytesIO()
        conn.retrbinary("RETR payload.bin", received.write)
        conn.quit()
        self.assertEqual(received.getvalue(), PAYLOAD)
        with open(os.path.join(self.home, "payload.bin"), "rb") as f:
            self.assertEqual(f.read(), PAYLOAD)

    def test_listing(self):
        with ftplib.FTP(timeout=10) as conn:
            conn.connect(*self.server.address)
            conn.login(USER, PASSWORD)
            conn.mkd("incoming")
            self.assertIn("incoming", conn.nlst())


if __name__ == "__main__":
    unittest.main()

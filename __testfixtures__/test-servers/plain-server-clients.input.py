# A suite that runs pyftpdlib's cleartext FTPHandler itself: its clients must stay FTP.
import ftplib
import os
import threading
from ftplib import FTP

import pytest
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


@pytest.fixture
def server(tmp_path):
    authorizer = DummyAuthorizer()
    authorizer.add_anonymous(str(tmp_path), perm="elradfmw")
    handler = FTPHandler
    handler.authorizer = authorizer
    ftpd = FTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=ftpd.serve_forever, kwargs={"timeout": 0.05})
    thread.start()
    yield ftpd.address
    ftpd.close_all()
    thread.join()


def test_listing(server):
    conn = FTP()
    conn.connect(*server)
    conn.login()
    assert conn.nlst() == []
    conn.quit()


def test_upload(server, tmp_path):
    with ftplib.FTP(timeout=10) as conn:
        conn.connect(*server)
        conn.login()
        with open(os.devnull, "rb") as f:
            conn.storbinary("STOR empty.bin", f)

# A suite that runs pyftpdlib's TLS_FTPHandler and requires TLS: its cleartext clients fail today and are fixed.
import ftplib
import threading
from ftplib import FTP_TLS

import pytest
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.servers import ThreadedFTPServer

CERTFILE = "keycert.pem"


@pytest.fixture
def server(tmp_path):
    authorizer = DummyAuthorizer()
    authorizer.add_anonymous(str(tmp_path), perm="elradfmw")
    handler = TLS_FTPHandler
    handler.certfile = CERTFILE
    handler.authorizer = authorizer
    handler.tls_control_required = True
    handler.tls_data_required = True
    ftpd = ThreadedFTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=ftpd.serve_forever, kwargs={"timeout": 0.05})
    thread.start()
    yield ftpd.address
    ftpd.close_all()
    thread.join()


def test_listing(server):
    conn = FTP_TLS()
    conn.connect(*server)
    conn.login()
    conn.prot_p()
    assert conn.nlst() == []
    conn.quit()


def test_upload(server):
    with ftplib.FTP_TLS(timeout=10) as conn:
        conn.connect(*server)
        conn.login()
        conn.prot_p()
        conn.mkd("incoming")

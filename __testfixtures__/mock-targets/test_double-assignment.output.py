# A test that swaps ftplib.FTP for a double by hand: its name says it is a test, so the double follows the code
# under test to FTP_TLS, with the restore and the reads of the mock's own attributes.
import ftplib
import ftplib as fl
from unittest.mock import MagicMock

from uploader import upload


class FakeFTP:
    def __init__(self, host):
        self.host = host

    def login(self, user, passwd):
        pass


def test_by_hand():
    saved = ftplib.FTP_TLS
    ftplib.FTP_TLS = MagicMock()
    try:
        upload("h")
        ftplib.FTP_TLS.assert_called_once_with("h")
        ftplib.FTP_TLS.return_value.login.assert_called_once()
        assert ftplib.FTP_TLS.call_count == 1
    finally:
        ftplib.FTP_TLS = saved


def test_fake_class():
    fl.FTP_TLS = FakeFTP
    upload("h")


def test_setattr():
    setattr(ftplib, "FTP_TLS", FakeFTP)
    upload("h")


def test_forced_tls():
    ftplib.FTP = ftplib.FTP_TLS
    upload("h")

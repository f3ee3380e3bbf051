"""A mock of the ftplib module as another module sees it: its FTP is what that module now reads as FTP_TLS."""
import contextlib
import unittest
from unittest import mock

from myapp import upload


class UploadTest(unittest.TestCase):
    @mock.patch("myapp.upload.ftplib")
    def test_decorated(self, ftplib_mock):
        upload.run("h")
        ftplib_mock.FTP.assert_called_once_with("h")
        ftplib_mock.FTP.return_value.login.assert_called_once()

    @mock.patch("myapp.upload.time")
    @mock.patch("myapp.upload.ftplib")
    @mock.patch("myapp.upload.ftplib.FTP")
    def test_decorator_order(self, ftp_class, ftplib_mock, time_mock):
        ftplib_mock.FTP.return_value = ftp_class.return_value
        time_mock.FTP = None  # another module's mock: its FTP is not ftplib's
        upload.run("h")

    def test_with(self):
        with mock.patch("myapp.upload.ftplib") as ftplib_mock:
            ftplib_mock.FTP.return_value.nlst.return_value = []
            upload.run("h")

    def test_started(self):
        ftplib_mock = mock.patch("myapp.upload.ftplib").start()
        self.addCleanup(mock.patch.stopall)
        upload.run("h")
        ftplib_mock.FTP.assert_called_once()

    def test_exit_stack(self):
        with contextlib.ExitStack() as stack:
            ftplib_mock = stack.enter_context(mock.patch("myapp.upload.ftplib"))
            upload.run("h")
        ftplib_mock.FTP.assert_called_once()

    def test_patcher_is_not_the_mock(self):
        patcher = mock.patch("myapp.upload.ftplib")
        print(patcher.FTP)  # the patcher object, not a mock: left alone
        patcher.start()


def test_mocker(mocker):
    ftplib_mock = mocker.patch("myapp.upload.ftplib")
    upload.run("h")
    ftplib_mock.FTP.assert_called_once_with("h")


def test_new_given(monkeypatch):
    fake = mock.MagicMock()
    with mock.patch("myapp.upload.ftplib", fake) as same:
        same.FTP.assert_not_called()  # `new` given: `fake` is set up under its own name, so neither moves

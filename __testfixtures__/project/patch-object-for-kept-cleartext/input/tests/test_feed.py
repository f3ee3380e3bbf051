# Replaces ftplib.FTP, by object and by assignment, for the connection that stays cleartext: each stays as it
# is, with a finding, as a patch target string does (patch-for-kept-cleartext).
import ftplib
import unittest
from unittest import mock

from shop.feed import push_legacy


class PatchObject(unittest.TestCase):
    def test_push_legacy(self):
        with mock.patch.object(ftplib, "FTP") as ftp:
            push_legacy("h", "u", "p")
        ftp.return_value.login.assert_called_once_with("u", "p")


def test_monkeypatch(monkeypatch):
    fake = mock.Mock()
    monkeypatch.setattr(ftplib, "FTP", fake)
    push_legacy("h", "u", "p")
    fake.return_value.quit.assert_called_once_with()


class Replaced(unittest.TestCase):
    def setUp(self):
        self.real = ftplib.FTP
        ftplib.FTP = mock.Mock()

    def tearDown(self):
        ftplib.FTP = self.real

    def test_push_legacy(self):
        push_legacy("h", "u", "p")
        ftplib.FTP.assert_called_once_with("h")

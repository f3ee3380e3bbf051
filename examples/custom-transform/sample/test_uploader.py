"""Tests for uploader: the FTP connection is a mock, so nothing leaves the machine."""
import ftplib
import os
import tempfile
import unittest
from unittest import mock

import uploader


class UploadTest(unittest.TestCase):
    def setUp(self):
        fd, self.path = tempfile.mkstemp(suffix=".csv")
        os.write(fd, b"id,total\n1,42\n")
        os.close(fd)
        self.addCleanup(os.remove, self.path)

    @mock.patch("ftplib.FTP")
    def test_logs_in_and_stores(self, ftp_class):
        uploader.upload("ftp.example.invalid", "user", "secret", self.path)
        conn = ftp_class.return_value
        conn.login.assert_called_once_with("user", "secret")
        conn.storbinary.assert_called_once()

    def test_quits(self):
        with mock.patch.object(ftplib, "FTP") as ftp_class:
            uploader.upload("ftp.example.invalid", "user", "secret", self.path)
        ftp_class.return_value.quit.assert_called_once_with()


if __name__ == "__main__":
    unittest.main()

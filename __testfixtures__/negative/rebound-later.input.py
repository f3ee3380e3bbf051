"""Tests for the uploader; ftplib.FTP is replaced by a mock."""
from ftplib import FTP
from unittest.mock import MagicMock as Mock

FTP = Mock


def test_upload():
    ftp = FTP("ftp.example.com")
    ftp.login("user", "secret")
    ftp.storbinary("STOR x", b"")
    assert ftp.login.called

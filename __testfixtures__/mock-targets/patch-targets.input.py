"""Tests of the uploader: every way a test double names ftplib.FTP (the code under test now makes FTP_TLS)."""
import ftplib
import ftplib as fl
import unittest
import unittest.mock
from unittest import mock
from unittest.mock import patch

import pytest

from uploader import upload


class UploadTest(unittest.TestCase):
    @mock.patch("ftplib.FTP")
    def test_decorator(self, ftp_class):
        upload("h")
        ftp_class.return_value.login.assert_called_once()

    @patch("ftplib.FTP", autospec=True)
    def test_bare_patch(self, ftp_class):
        upload("h")

    @unittest.mock.patch('ftplib.FTP')
    def test_dotted_patch(self, ftp_class):
        upload("h")

    @mock.patch(target="ftplib.FTP")
    def test_target_keyword(self, ftp_class):
        upload("h")

    @mock.patch.object(ftplib, "FTP")
    def test_object_decorator(self, ftp_class):
        upload("h")

    def test_object_with(self):
        with mock.patch.object(ftplib, "FTP") as ftp_class:
            upload("h")
        ftp_class.return_value.quit.assert_called_once_with()

    def test_alias_and_keywords(self):
        with patch.object(fl, attribute="FTP"):
            upload("h")

    def test_multiple(self):
        with mock.patch.multiple(ftplib, FTP=mock.DEFAULT, error_perm=mock.DEFAULT) as mocks:
            upload("h")
        mocks["FTP"].assert_called_once()

    def test_multiple_twice(self):
        with mock.patch.multiple(ftplib, FTP=mock.DEFAULT) as mocks:
            upload("h")
        mocks["FTP"].assert_called_once()
        with mock.patch.multiple(ftplib, FTP=mock.DEFAULT) as mocks:
            upload("g")
        mocks["FTP"].assert_called_once_with("g")

    def test_multiple_by_name(self):
        with patch.multiple("ftplib", FTP=mock.DEFAULT):
            upload("h")

    @mock.patch("ftplib.FTP.login")
    def test_method(self, login):
        upload("h")

    def test_started(self):
        patcher = mock.patch("ftplib.FTP")
        patcher.start()
        self.addCleanup(patcher.stop)
        upload("h")


def test_mocker(mocker):
    ftp_class = mocker.patch("ftplib.FTP")
    mocker.patch.object(ftplib, "FTP")
    upload("h")
    ftp_class.assert_called_once_with("h")


def test_monkeypatch_string(monkeypatch):
    monkeypatch.setattr("ftplib.FTP", mock.MagicMock())
    upload("h")


def test_monkeypatch_object(monkeypatch):
    monkeypatch.setattr(ftplib, "FTP", mock.MagicMock())
    monkeypatch.setattr(fl, name="FTP", value=mock.MagicMock())
    upload("h")


def test_triple_quoted_and_raw():
    with mock.patch("""ftplib.FTP"""), mock.patch(r"ftplib.FTP"):
        upload("h")


@mock.patch.multiple(ftplib, FTP=mock.DEFAULT)
def test_multiple_decorator(FTP):
    upload("h")
    FTP.assert_called_once_with("h")


def test_multiple_mocker(mocker):
    mocks = mocker.patch.multiple("ftplib", FTP=mocker.DEFAULT)
    upload("h")
    mocks["FTP"].return_value.login.assert_called_once()


@mock.patch.multiple(ftplib, FTP=mock.DEFAULT)
def test_multiple_kwargs(**mocks):
    upload("h")
    mocks["FTP"].assert_called_once()

# FTP patched where another module uses it, and this run sees no other file (a single file, stdin): whether
# myapp.upload now uses FTP_TLS is not known here, so each is a manual finding that names the new target.
from unittest import mock

import ftplib
import myapp.upload
import myapp.upload as upload_module
from myapp import upload

from . import sibling


@mock.patch("myapp.upload.FTP")
def test_string(ftp_class):
    upload.run("h")


def test_object_forms(monkeypatch):
    mock.patch.object(upload, "FTP")
    mock.patch.object(upload_module, "FTP")
    mock.patch.object(myapp.upload, "FTP")
    mock.patch.multiple("myapp.upload", FTP=mock.DEFAULT)
    mock.patch.multiple(upload, FTP=mock.DEFAULT)
    monkeypatch.setattr("myapp.upload.FTP", mock.MagicMock())
    monkeypatch.setattr(upload, "FTP", mock.MagicMock())
    mock.patch.object(sibling, "FTP")
    mock.patch("myapp.upload.FTP.login")
    upload.FTP = mock.MagicMock()
    mock.patch("ftplib.FTP")  # ftplib's own: moved

# Suppression markers ftptls honours keep a test double where it is.
import ftplib
from unittest import mock


@mock.patch("ftplib.FTP")  # nosec B321
def test_kept(ftp_class):
    pass


def test_more(monkeypatch):
    monkeypatch.setattr(ftplib, "FTP", mock.MagicMock())  # noqa: S321
    # ftptls: ignore
    mock.patch.multiple(ftplib, FTP=mock.DEFAULT)
    mock.patch("myapp.upload.FTP")  # ftptls: ignore
    mock.patch("ftplib.FTP")  # noqa: E501 (another rule's marker: moved)
    ftplib.FTP = mock.MagicMock()  # nosec

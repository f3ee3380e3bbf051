# A test that configures a double of ftplib.FTP made elsewhere (a conftest.py fixture): ftptls cannot see whether
# that double moved to FTP_TLS, so the setting is reported for a person rather than as a monkeypatch of the class.
import ftplib
import unittest.mock


def test_login(ftp_double):
    ftplib.FTP.return_value = unittest.mock.MagicMock()
    ftplib.FTP.side_effect = None
    ftplib.FTP.return_value.login.assert_not_called()

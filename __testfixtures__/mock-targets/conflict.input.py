# The file patches ftplib.FTP_TLS already: moving the FTP patch onto it would patch one class twice.
import ftplib
from unittest import mock


@mock.patch("ftplib.FTP")
@mock.patch("ftplib.FTP_TLS")
def test_both(tls_class, ftp_class):
    pass


@mock.patch("ftplib.FTP.login")  # FTP_TLS.login is not patched: moved
def test_method(login):
    pass


def test_mock_module():
    with mock.patch("myapp.upload.ftplib") as ftplib_mock:
        ftplib_mock.FTP.return_value = 1
        ftplib_mock.FTP_TLS.return_value = 2

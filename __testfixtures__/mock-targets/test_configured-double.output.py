# A test that patches ftplib.FTP and configures the double through ftplib.FTP.return_value: the setting is the
# double's own (no change to the class FTP_TLS inherits from), so it moves with the double and nothing is left
# to report about it.
import ftplib
import unittest
import unittest.mock


def upload(host, user, passwd):
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, passwd)
    ftp.prot_p()
    ftp.quit()


class UploadTest(unittest.TestCase):
    def setUp(self):
        patcher = unittest.mock.patch.object(ftplib, "FTP_TLS", autospec=True)
        patcher.start()
        self.addCleanup(patcher.stop)
        ftplib.FTP_TLS.return_value = unittest.mock.MagicMock()

    def test_login(self):
        upload("h", "u", "p")
        ftplib.FTP_TLS.return_value.login.assert_called_once_with("u", "p")

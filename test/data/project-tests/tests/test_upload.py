import unittest
from unittest import mock

from myapp import upload


class UploadTest(unittest.TestCase):
    @mock.patch("myapp.upload.FTP")
    def test_send(self, fake):
        with open(__file__, "rb"):
            pass
        upload.send("h", "u", "p", __file__)
        fake.assert_called_once_with("h")
        fake.return_value.login.assert_called_once_with("u", "p")


if __name__ == "__main__":
    unittest.main()

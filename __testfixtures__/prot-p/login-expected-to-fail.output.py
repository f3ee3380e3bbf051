import ftplib
import unittest

import pytest


def test_bad_password(server):
    conn = ftplib.FTP_TLS()
    conn.connect(server.host, server.port)
    with pytest.raises(ftplib.error_perm):
        conn.login("user", "wrong")
    conn.login("user", "right")
    conn.prot_p()
    conn.retrlines("LIST")


class LoginTest(unittest.TestCase):
    def test_bad_password(self):
        conn = ftplib.FTP_TLS()
        conn.connect("127.0.0.1", 2121)
        with self.assertRaises(ftplib.error_perm):
            conn.login("user", "wrong")
        with self.assertRaisesRegex(ftplib.error_perm, "530"):
            conn.login("user", "wrong")
        with pytest.raises(ftplib.error_perm), open("log") as log:
            conn.login("user", log.read())

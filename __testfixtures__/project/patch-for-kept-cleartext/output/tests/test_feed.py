# Patches ftplib.FTP for the connection that stays cleartext: moving the patch to FTP_TLS would let that test
# connect for real, so it stays, with a finding that says a patch of FTP_TLS is needed for the rewritten code.
from unittest import mock

from shop.feed import push_legacy


@mock.patch("ftplib.FTP")
def test_push_legacy(ftp):
    push_legacy("h", "u", "p")
    ftp.return_value.login.assert_called_once_with("u", "p")

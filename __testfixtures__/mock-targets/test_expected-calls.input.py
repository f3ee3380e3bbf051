# Exact lists of the calls a test expects of its FTP double: the code under test gains prot_p() after each
# login, so a list that compares calls exactly needs call.prot_p() after its login; the lists that still match
# (login last in assert_has_calls, any_order=True, prot_p already there) are not reported.
from unittest import mock
from unittest.mock import call

from app.up import upload


def test_upload_calls():
    with mock.patch("ftplib.FTP", autospec=True) as m:
        upload("h", "u", "p")
        assert m.return_value.mock_calls == [
            mock.call.login("u", "p"),
            mock.call.storbinary("STOR x", None),
            mock.call.quit(),
        ]
        assert m.mock_calls == [call("h"), call().login("u", "p")]
        m.return_value.assert_has_calls([call.login("u", "p"), call.quit()])
        m.return_value.assert_has_calls([call.login("u", "p"), call.quit()], any_order=False)
        assert m.return_value.method_calls == [call.login("u", "p"), call.prot_p(), call.quit()]
        m.return_value.assert_has_calls([call.quit(), call.login("u", "p")])
        m.return_value.assert_has_calls([call.login("u", "p"), call.quit()], any_order=True)

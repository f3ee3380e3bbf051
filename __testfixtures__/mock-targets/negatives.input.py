# Strings and calls that look like patch targets and are not: nothing here is a test double of ftplib.FTP.
import ftplib
import logging
from unittest import mock

import requests

log = logging.getLogger(__name__)
TARGET = "ftplib.FTP"  # a string, not a patch: left alone


def test_not_targets(name, other, conn):
    print("ftplib.FTP")
    log.info("patching ftplib.FTP")
    requests.patch("https://example.invalid/ftplib.FTP")
    mock.patch(f"ftplib.{name}")  # an f-string: not a plain literal
    mock.patch("ftplib." "FTP")  # a concatenation
    mock.patch(b"ftplib.FTP")  # bytes
    mock.patch("ftplib.FTP\x00")  # an escape
    mock.patch(TARGET)  # a name
    mock.patch("ftplib.error_perm")  # another name of ftplib
    mock.patch("ftplib.FTPS")
    mock.patch("myapp.ftp_helpers")
    mock.patch.object(other, "FTP")  # not a module
    mock.patch.object(conn, "login")
    mock.patch.object(ftplib, "all_errors")
    setattr(other, "FTP", None)
    other.FTP = None
    mock.patch.multiple(other, FTP=mock.DEFAULT)

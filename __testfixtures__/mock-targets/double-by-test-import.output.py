# Not a test by its name, but it imports pytest: a double set here is a test's.
import ftplib

import pytest


@pytest.fixture
def fake_ftp():
    original = ftplib.FTP_TLS
    ftplib.FTP_TLS = object
    yield
    ftplib.FTP_TLS = original

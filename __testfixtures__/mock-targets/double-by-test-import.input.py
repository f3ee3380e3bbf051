# Not a test by its name, but it imports pytest: a double set here is a test's.
import ftplib

import pytest


@pytest.fixture
def fake_ftp():
    original = ftplib.FTP
    ftplib.FTP = object
    yield
    ftplib.FTP = original

# `python -m pyftpdlib` serves cleartext FTP only.
import ftplib
import subprocess
import sys
import time

import pytest


@pytest.fixture
def ftp_server(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "pyftpdlib", "-i", "127.0.0.1", "-p", "2121", "-d", str(tmp_path)],
    )
    time.sleep(1)
    yield "127.0.0.1", 2121
    proc.terminate()
    proc.wait()


def test_listing(ftp_server):
    host, port = ftp_server
    conn = ftplib.FTP()
    conn.connect(host, port)
    conn.login()
    conn.nlst()

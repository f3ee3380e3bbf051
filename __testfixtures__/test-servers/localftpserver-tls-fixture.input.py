# Only pytest-localftpserver's ftpserver_TLS fixture is used: the client is fixed.
from ftplib import FTP


def test_upload(ftpserver_TLS):
    conn = FTP()
    conn.connect("localhost", ftpserver_TLS.server_port)
    conn.login()
    conn.quit()

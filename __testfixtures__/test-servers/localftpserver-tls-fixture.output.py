# Only pytest-localftpserver's ftpserver_TLS fixture is used: the client is fixed.
from ftplib import FTP_TLS


def test_upload(ftpserver_TLS):
    conn = FTP_TLS()
    conn.connect("localhost", ftpserver_TLS.server_port)
    conn.login()
    conn.prot_p()
    conn.quit()

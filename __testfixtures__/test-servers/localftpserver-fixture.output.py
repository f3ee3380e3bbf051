# pytest-localftpserver's ftpserver fixture is a cleartext server.
from ftplib import FTP, FTP_TLS


def login(server, use_tls=False):
    data = server.get_login_data()
    conn = FTP_TLS() if use_tls else FTP()
    conn.connect(data["host"], data["port"])
    conn.login(data["user"], data["passwd"])
    return conn


def test_upload(ftpserver, tmp_path):
    conn = FTP()
    conn.connect("localhost", ftpserver.server_port)
    conn.login()
    conn.quit()


def test_with_helper(ftpserver):
    login(ftpserver).quit()

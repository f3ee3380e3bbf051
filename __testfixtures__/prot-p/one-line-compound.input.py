from ftplib import FTP


def connect(host, user, password, anonymous=False):
    conn = FTP(host)
    if anonymous: conn.login()
    else: conn.login(user, password)
    return conn

from ftplib import FTP_TLS


def connect(host, user, password, anonymous=False):
    conn = FTP_TLS(host)
    if anonymous: conn.login(); conn.prot_p()
    else: conn.login(user, password); conn.prot_p()
    return conn

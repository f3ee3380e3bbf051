from ftplib import FTP_TLS

HOST = "ftp.example.com"


def connect(user, password):
    # host, user, passwd, acct, timeout, source_address
    return FTP_TLS(HOST, user, password, "", timeout=30, source_address=("0.0.0.0", 0))


def connect_quick():
    return FTP_TLS(HOST, "", "", "", timeout=5)

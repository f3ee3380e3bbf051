from ftplib import FTP

HOST = "ftp.example.com"


def connect(user, password):
    # host, user, passwd, acct, timeout, source_address
    return FTP(HOST, user, password, "", 30, ("0.0.0.0", 0))


def connect_quick():
    return FTP(HOST, "", "", "", 5)

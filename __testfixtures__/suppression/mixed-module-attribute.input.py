import ftplib

LOOPBACK = "127.0.0.1"


def connect_loopback(port):
    ftp = ftplib.FTP()  # nosec B321
    ftp.connect(LOOPBACK, port)
    ftp.login()
    return ftp


def connect_remote(host, user, password):
    ftp = ftplib.FTP(host, timeout=30)
    ftp.login(user, password)
    return ftp

import os


def connect():
    return FTP_TLS(os.environ["H"])


from ftplib import FTP_TLS

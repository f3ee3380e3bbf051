from ftplib import FTP, FTP_TLS  # FTP_TLS for later


def connect(host):
    return FTP(host)

from ftplib import FTP_TLS  # FTP_TLS for later


def connect(host):
    return FTP_TLS(host)

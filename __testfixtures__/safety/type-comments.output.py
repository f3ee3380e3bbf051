from ftplib import FTP, FTP_TLS


def connect(host):
    # type: (str) -> FTP
    return FTP_TLS(host)

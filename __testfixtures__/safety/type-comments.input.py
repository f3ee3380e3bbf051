from ftplib import FTP


def connect(host):
    # type: (str) -> FTP
    return FTP(host)

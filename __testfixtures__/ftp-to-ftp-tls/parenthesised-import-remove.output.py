from ftplib import (
    FTP_TLS,
    all_errors,
)


def connect(host, secure):
    cls = FTP_TLS
    try:
        return cls(host)
    except all_errors:
        return None

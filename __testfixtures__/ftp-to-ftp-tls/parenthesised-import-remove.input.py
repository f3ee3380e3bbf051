from ftplib import (
    FTP,  # legacy servers
    FTP_TLS,
    all_errors,
)


def connect(host, secure):
    cls = FTP_TLS if secure else FTP
    try:
        return cls(host)
    except all_errors:
        return None

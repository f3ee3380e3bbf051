from typing import Optional
from ftplib import FTP

_connection: Optional[FTP] = None


def get_connection(host: str) -> FTP:
    global _connection
    if _connection is None:
        conn: FTP = FTP(host)
        conn.login()
        _connection = conn
    return _connection

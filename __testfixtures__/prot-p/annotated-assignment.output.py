from typing import Optional
from ftplib import FTP_TLS

_connection: Optional[FTP_TLS] = None


def get_connection(host: str) -> FTP_TLS:
    global _connection
    if _connection is None:
        conn: FTP_TLS = FTP_TLS(host)
        conn.login()
        conn.prot_p()
        _connection = conn
    return _connection

import ftplib
from ftplib import FTP_TLS
from typing import Optional


def open_any(host: str, secure: bool) -> FTP_TLS:
    return FTP_TLS(host)


def close(conn: FTP_TLS | None) -> None:
    conn.quit()


def qualified(conn: ftplib.FTP_TLS, backup: Optional[FTP_TLS]) -> None:
    conn.quit()

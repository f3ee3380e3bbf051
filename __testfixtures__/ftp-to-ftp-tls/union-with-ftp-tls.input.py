import ftplib
from ftplib import FTP, FTP_TLS
from typing import Optional


def open_any(host: str, secure: bool) -> FTP | FTP_TLS:
    return FTP_TLS(host) if secure else FTP(host)


def close(conn: FTP_TLS | FTP | None) -> None:
    conn.quit()


def qualified(conn: ftplib.FTP | ftplib.FTP_TLS, backup: Optional[FTP]) -> None:
    conn.quit()

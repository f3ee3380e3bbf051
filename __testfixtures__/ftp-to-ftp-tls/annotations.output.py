from __future__ import annotations

import ftplib
from typing import Optional


def upload(conn: ftplib.FTP_TLS, name: str, data) -> None:
    conn.storbinary("STOR " + name, data)


def connect(host: str) -> Optional[ftplib.FTP_TLS]:
    try:
        return ftplib.FTP_TLS(host)
    except OSError:
        return None

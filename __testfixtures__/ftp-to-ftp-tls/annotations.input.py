from __future__ import annotations

import ftplib
from typing import Optional


def upload(conn: ftplib.FTP, name: str, data) -> None:
    conn.storbinary("STOR " + name, data)


def connect(host: str) -> Optional[ftplib.FTP]:
    try:
        return ftplib.FTP(host)
    except OSError:
        return None

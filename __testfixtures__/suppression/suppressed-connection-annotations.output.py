from __future__ import annotations

import ftplib
from ftplib import FTP, FTP_TLS


class Legacy:
    """Talks to an old appliance that has no TLS."""

    conn: ftplib.FTP | None

    def __init__(self, host):
        self.conn = ftplib.FTP(host)  # nosec B321

    def connection(self) -> ftplib.FTP:
        return self.conn


def open_legacy(host) -> FTP | FTP_TLS:
    link: FTP = FTP(host)  # nosec B321
    return link


def open_modern(host) -> FTP_TLS:
    return FTP_TLS(host)

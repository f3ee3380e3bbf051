"""Helpers for the nightly upload."""
from __future__ import annotations

import ssl


def connect(host: str):
    import ftplib

    return ftplib.FTP_TLS(host, context=ssl.create_default_context())

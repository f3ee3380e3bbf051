"""Helpers for the nightly upload."""
from __future__ import annotations


def connect(host: str):
    import ftplib

    return ftplib.FTP_TLS(host)

"""Compatibility layer: other modules import the client from here."""
from ftplib import FTP, FTP_TLS, error_perm

__all__ = ["FTP", "error_perm", "open_client"]


def open_client(host):
    return FTP_TLS(host)

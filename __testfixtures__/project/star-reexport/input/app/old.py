import ftplib

__all__ = ["_legacy_link"]


def _legacy_link(host):
    return ftplib.FTP(host)


def modern_link(host):
    return ftplib.FTP(host)

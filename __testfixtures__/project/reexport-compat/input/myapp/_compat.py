from ftplib import FTP

__all__ = ["FTP"]

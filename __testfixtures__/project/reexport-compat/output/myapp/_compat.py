from ftplib import FTP, FTP_TLS

__all__ = ["FTP"]

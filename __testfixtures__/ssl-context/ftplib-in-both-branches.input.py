import sys

if sys.version_info >= (3, 12):
    from ftplib import FTP_TLS
else:
    from ftplib import FTP_TLS as _FTP_TLS

    class FTP_TLS(_FTP_TLS):
        """Older Pythons: the same class."""


ftp = FTP_TLS("ftp.example.com")

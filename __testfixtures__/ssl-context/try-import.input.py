import os

try:
    from ftplib import FTP_TLS
except ImportError:  # Python built without ssl
    FTP_TLS = None

if FTP_TLS is not None:
    ftp = FTP_TLS(os.environ["FTP_HOST"])

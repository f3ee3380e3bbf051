from ftplib import FTP_TLS
from ssl import create_default_context

ftp = FTP_TLS("ftp.example.com")

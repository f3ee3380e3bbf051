import os
from ftplib import FTP

ftp = FTP(os.environ["FTP_HOST"])
ftp.login("user", "secret")
ftp = FTP(
    "h",
    timeout=5,
)

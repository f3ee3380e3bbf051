import os
if os.environ.get("FTP_HOST"): from ftplib import FTP_TLS

ftp = FTP_TLS(os.environ["FTP_HOST"])

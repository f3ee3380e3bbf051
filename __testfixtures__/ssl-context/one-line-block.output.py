import os
import ssl
if os.environ.get("FTP_HOST"): from ftplib import FTP_TLS

ftp = FTP_TLS(os.environ["FTP_HOST"], context=ssl.create_default_context())

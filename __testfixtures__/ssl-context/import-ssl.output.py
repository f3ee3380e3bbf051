import os
import ssl
from ftplib import FTP_TLS

ftp = FTP_TLS(os.environ["FTP_HOST"], context=ssl.create_default_context())

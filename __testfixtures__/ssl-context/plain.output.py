import ssl
from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.example.com", context=ssl.create_default_context())
ftp.login("user", "secret")
ftp.prot_p()
ftp.retrlines("LIST")
ftp.quit()

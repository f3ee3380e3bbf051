import ftplib

ftp = ftplib.FTP_TLS("ftp.example.com", context=None)

import ftplib

conn = ftplib.FTP_TLS("h")

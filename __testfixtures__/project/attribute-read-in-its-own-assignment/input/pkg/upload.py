import ftplib

conn = ftplib.FTP("h")

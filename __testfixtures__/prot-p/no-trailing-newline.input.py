from ftplib import FTP

ftp = FTP("ftp.example.com")
ftp.login("anonymous", "me@example.com")
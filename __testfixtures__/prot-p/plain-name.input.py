from ftplib import FTP

ftp = FTP("ftp.example.com")
ftp.login("user", "secret")  # credentials
ftp.retrlines("LIST")

from ftplib import FTP

ftp = FTP("ftp.example.com"); ftp.login("demo", "password"); ftp.cwd("pub")
files = ftp.nlst()
ftp.quit()

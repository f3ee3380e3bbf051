from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.example.com")
ftp.login("anonymous", "me@example.com")
ftp.prot_p()
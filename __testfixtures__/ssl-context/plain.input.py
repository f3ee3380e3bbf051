from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.example.com")
ftp.login("user", "secret")
ftp.prot_p()
ftp.retrlines("LIST")
ftp.quit()

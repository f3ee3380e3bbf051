from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.example.com"); ftp.login("demo", "password"); ftp.prot_p(); ftp.cwd("pub")
files = ftp.nlst()
ftp.quit()


   
import ftplib

conn = ftplib.FTP_TLS("ftp.example.com")
conn.login("user", "pw")
conn.prot_p()
conn.retrlines("LIST")

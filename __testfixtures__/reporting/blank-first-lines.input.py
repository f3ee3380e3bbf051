
   
import ftplib

conn = ftplib.FTP("ftp.example.com")
conn.login("user", "pw")
conn.retrlines("LIST")

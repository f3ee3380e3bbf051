# Our own FTP wrapper (not ftplib's): see mylib/ftp.py, which wraps ftplib.FTP_TLS.
from mylib.ftp import FTP

conn = FTP("ftp.example.com")
conn.login("user", "secret")
conn.upload("report.csv")

from ftplib import FTP

ftp = FTP("ftp.example.com")
ftp.login("reader", "hunter2")  # read-only account, see ops wiki
# now fetch the index
ftp.retrlines("LIST")

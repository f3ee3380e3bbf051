from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.example.com")
ftp.login("reader", "hunter2")  # read-only account, see ops wiki
ftp.prot_p()
# now fetch the index
ftp.retrlines("LIST")

import os; from app.net import open_link

ftp = open_link("files.example.com")
ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
ftp.prot_p()
ftp.retrlines("LIST")

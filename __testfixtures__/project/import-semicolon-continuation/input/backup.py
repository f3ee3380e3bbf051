import os
from app import \
    net

ftp = net.open_link("files.example.com")
ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
ftp.storbinary("STOR backup.tar", open("backup.tar", "rb"))

import ftplib


class Base:
    def __init__(self, host):
        self.ftp = ftplib.FTP(host)

import ftplib


class BackupTarget:
    def __init__(self, host, user, password):
        self.host = host
        self.user = user
        self.password = password
        self.ftp = None

    def connect(self):
        self.ftp = ftplib.FTP_TLS(self.host, timeout=30)
        self.ftp.login(self.user, self.password)
        self.ftp.prot_p()

    def reconnect(self):
        self.ftp.close()
        self.ftp.connect(self.host)
        self.ftp.login(self.user, self.password)
        self.ftp.prot_p()
        self.ftp.cwd("/backups")

    def send(self, name, fh):
        self.ftp.storbinary("STOR " + name, fh)

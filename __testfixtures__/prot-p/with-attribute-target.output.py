import ftplib


class Uploader:
    def __init__(self, host):
        self.host = host
        self.client = None

    def run(self, files):
        with ftplib.FTP_TLS(self.host) as self.client:
            self.client.login()
            self.client.prot_p()
            for name, fh in files:
                self.client.storbinary("STOR " + name, fh)

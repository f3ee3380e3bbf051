import ftplib


class Client:
    FTP = ftplib.FTP_TLS

    def connect(self, host):
        # the class attribute is not visible here: FTP is the module-level name below
        return FTP(host)


class FTP:
    def __init__(self, host):
        self.host = host

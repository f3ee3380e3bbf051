from ftplib import FTP


class SlowFTP(FTP):
    def __init__(self, host):
        FTP.__init__(self, host, "", "", "", 120)


class BoundFTP(FTP):
    def __init__(self, host, source):
        super(BoundFTP, self).__init__(host, "", "", "", 30, (source, 0))

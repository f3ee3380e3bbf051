from ftplib import FTP_TLS


class SlowFTP(FTP_TLS):
    def __init__(self, host):
        FTP_TLS.__init__(self, host, "", "", "", timeout=120)


class BoundFTP(FTP_TLS):
    def __init__(self, host, source):
        super(BoundFTP, self).__init__(host, "", "", "", timeout=30, source_address=(source, 0))

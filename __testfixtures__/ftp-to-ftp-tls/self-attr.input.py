from ftplib import FTP


class Session:
    def __init__(self, host):
        self.conn = FTP(host)

    def close(self):
        self.conn.quit()

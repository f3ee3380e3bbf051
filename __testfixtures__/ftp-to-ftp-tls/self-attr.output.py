from ftplib import FTP_TLS


class Session:
    def __init__(self, host):
        self.conn = FTP_TLS(host)

    def close(self):
        self.conn.quit()

from ftplib import FTP_TLS


class RetryingFTP(FTP_TLS):
    """An FTP client that retries transient failures."""

    retries = 3

    def retrbinary(self, cmd, callback, blocksize=8192, rest=None):
        for attempt in range(self.retries):
            try:
                return super().retrbinary(cmd, callback, blocksize, rest)
            except EOFError:
                if attempt == self.retries - 1:
                    raise


def download(host, name, sink):
    client = RetryingFTP(host)
    client.login()
    client.retrbinary("RETR " + name, sink.write)
    client.quit()

import io
from ftplib import FTP


class Mirror:
    """Copies files from the upstream server to a loopback test server."""

    def __init__(self, upstream, loopback):
        self.upstream = FTP(upstream)
        self.loopback = FTP(loopback)  # nosec B321

    def connect(self, user, password):
        self.upstream.login(user, password)
        self.loopback.login()

    def copy(self, name):
        chunks = []
        self.upstream.retrbinary(f"RETR {name}", chunks.append)
        self.loopback.storbinary(f"STOR {name}", io.BytesIO(b"".join(chunks)))

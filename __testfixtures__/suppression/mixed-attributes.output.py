import io
from ftplib import FTP, FTP_TLS


class Mirror:
    """Copies files from the upstream server to a loopback test server."""

    def __init__(self, upstream, loopback):
        self.upstream = FTP_TLS(upstream)
        self.loopback = FTP(loopback)  # nosec B321

    def connect(self, user, password):
        self.upstream.login(user, password)
        self.upstream.prot_p()
        self.loopback.login()

    def copy(self, name):
        chunks = []
        self.upstream.retrbinary(f"RETR {name}", chunks.append)
        self.loopback.storbinary(f"STOR {name}", io.BytesIO(b"".join(chunks)))

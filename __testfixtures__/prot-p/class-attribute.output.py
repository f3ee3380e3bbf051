from ftplib import FTP_TLS


class Publisher:
    """Publishes reports; tests replace `client` on the instance."""

    client = FTP_TLS()

    def open(self, host, user, password):
        self.client.connect(host)
        self.client.login(user, password)
        self.client.prot_p()

    def publish(self, name, fh):
        self.client.storbinary("STOR " + name, fh)

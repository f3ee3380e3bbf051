from ftplib import FTP


class Publisher:
    """Publishes reports; tests replace `client` on the instance."""

    client = FTP()

    def open(self, host, user, password):
        self.client.connect(host)
        self.client.login(user, password)

    def publish(self, name, fh):
        self.client.storbinary("STOR " + name, fh)

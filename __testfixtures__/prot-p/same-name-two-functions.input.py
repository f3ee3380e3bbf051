from ftplib import FTP


def upload(host, path):
    conn = FTP(host)
    conn.login()
    with open(path, "rb") as fh:
        conn.storbinary("STOR " + path, fh)


def probe(host):
    conn = Probe(host)
    conn.login()
    return conn.ok


class Probe:
    def __init__(self, host):
        self.host = host
        self.ok = False

    def login(self):
        self.ok = True

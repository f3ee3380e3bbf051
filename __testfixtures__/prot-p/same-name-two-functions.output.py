from ftplib import FTP_TLS


def upload(host, path):
    conn = FTP_TLS(host)
    conn.login()
    conn.prot_p()
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

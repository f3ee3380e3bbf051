from ._compat import FTP


class Uploader(FTP):
    pass


def send(host, user, pw):
    conn = FTP(host)
    conn.login(user, pw)
    up = Uploader(host, user, pw)
    up.retrlines("LIST")

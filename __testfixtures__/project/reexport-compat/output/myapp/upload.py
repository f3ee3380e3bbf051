from ._compat import FTP_TLS


class Uploader(FTP_TLS):
    pass


def send(host, user, pw):
    conn = FTP_TLS(host)
    conn.login(user, pw)
    conn.prot_p()
    up = Uploader(host, user, pw)
    up.prot_p()
    up.retrlines("LIST")

import ftplib


class Session(ftplib.FTP_TLS):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


def connect(host, user, pw):
    conn = Session(host, user, pw, "", timeout=30)
    conn.prot_p()
    conn.retrlines("LIST")
    later = Session()
    later.connect(host)
    later.login(user, pw)
    later.prot_p()

import ftplib


class Session(ftplib.FTP):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


def connect(host, user, pw):
    conn = Session(host, user, pw, "", 30)
    conn.retrlines("LIST")
    later = Session()
    later.connect(host)
    later.login(user, pw)

from ftplib import FTP


def sync(host, user, password, names):
    ftp = FTP(host)

    def ensure_logged_in():
        ftp.login(user, password)

    ensure_logged_in()
    for name in names:
        with open(name, "rb") as fh:
            ftp.storbinary("STOR " + name, fh)

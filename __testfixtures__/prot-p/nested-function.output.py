from ftplib import FTP_TLS


def sync(host, user, password, names):
    ftp = FTP_TLS(host)

    def ensure_logged_in():
        ftp.login(user, password)
        ftp.prot_p()

    ensure_logged_in()
    for name in names:
        with open(name, "rb") as fh:
            ftp.storbinary("STOR " + name, fh)

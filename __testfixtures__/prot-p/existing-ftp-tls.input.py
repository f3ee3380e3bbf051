from ftplib import FTP_TLS


def download(host, user, password, name, dest):
    ftps = FTP_TLS(host)
    ftps.login(user, password)
    with open(dest, "wb") as fh:
        ftps.retrbinary("RETR " + name, fh.write)
    ftps.quit()

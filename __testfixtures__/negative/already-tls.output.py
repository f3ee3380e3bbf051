import ftplib
from ftplib import FTP_TLS


def download(host, user, password, name):
    with FTP_TLS(host) as ftps:
        ftps.login(user, password)
        ftps.prot_p()
        data = []
        ftps.retrbinary("RETR " + name, data.append)
    return b"".join(data)


def upload(host, user, password, name, fh):
    ftps = ftplib.FTP_TLS(host, user, password)
    ftps.prot_p()
    ftps.storbinary("STOR " + name, fh)
    ftps.quit()

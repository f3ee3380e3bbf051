from ftplib import FTP  # noqa
from ftplib import FTP_TLS


def download(host, user, password, name, dest):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    with open(dest, "wb") as out:
        ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()

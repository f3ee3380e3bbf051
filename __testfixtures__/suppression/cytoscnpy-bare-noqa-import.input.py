from ftplib import FTP  # noqa


def download(host, user, password, name, dest):
    ftp = FTP(host)
    ftp.login(user, password)
    with open(dest, "wb") as out:
        ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()

import ftplib


def mirror(host, user, password, factory=ftplib.FTP):
    ftp = factory(host)
    ftp.login(user, password)
    return ftp.nlst()

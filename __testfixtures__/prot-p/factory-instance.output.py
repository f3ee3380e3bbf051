import ftplib


def mirror(host, user, password, factory=ftplib.FTP_TLS):
    ftp = factory(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()

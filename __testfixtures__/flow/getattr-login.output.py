import ftplib


def by_name(host, user, pw):
    ftp = ftplib.FTP_TLS(host)
    getattr(ftp, "login")(user, pw)
    ftp.prot_p()
    return ftp.nlst()


def own_getattr(host, user, pw):
    def getattr(obj, name):
        return lambda *args: None

    ftp = ftplib.FTP_TLS(host)
    getattr(ftp, "login")(user, pw)
    return ftp

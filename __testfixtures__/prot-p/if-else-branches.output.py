import ftplib


def open_ftp(host, user=None, password=None):
    ftp = ftplib.FTP_TLS(host)
    if user is None:
        ftp.login()
        ftp.prot_p()
    elif password is None:
        ftp.login(user)
        ftp.prot_p()
    else:
        ftp.login(user, password)
        ftp.prot_p()
    ftp.set_pasv(True)
    return ftp

import ftplib


def open_ftp(host, user=None, password=None):
    ftp = ftplib.FTP(host)
    if user is None:
        ftp.login()
    elif password is None:
        ftp.login(user)
    else:
        ftp.login(user, password)
    ftp.set_pasv(True)
    return ftp

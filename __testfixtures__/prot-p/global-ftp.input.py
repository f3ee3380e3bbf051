import ftplib

ftp = None


def connect(host, user, password):
    global ftp
    ftp = ftplib.FTP(host)
    ftp.login(user, password)


def upload(name, fh):
    ftp.storbinary("STOR " + name, fh)

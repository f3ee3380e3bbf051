import ftplib

ftp = None


def connect(host, user, password):
    global ftp
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()


def upload(name, fh):
    ftp.storbinary("STOR " + name, fh)

import ftplib


def fetch_listing(ftp, user, password):
    ftp.login(user, password)
    return ftp.nlst()


def main(host):
    return ftplib.FTP_TLS(host)

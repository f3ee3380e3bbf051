import ftplib


def fetch_listing(ftp, user, password):
    ftp.login(user, password)
    return ftp.nlst()


def main(host):
    fetch_listing(ftplib.FTP(host), "anonymous", "")

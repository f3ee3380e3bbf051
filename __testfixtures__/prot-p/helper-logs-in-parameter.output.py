import ftplib


def fetch_listing(ftp, user, password):
    ftp.login(user, password)
    ftp.prot_p()
    return ftp.nlst()


def main(host):
    fetch_listing(ftplib.FTP_TLS(host), "anonymous", "")

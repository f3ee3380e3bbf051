from ftplib import FTP


def list_incoming(host, user, password):
    with FTP(host) as ftp:
        ftp.login(user, password)
        return ftp.nlst("/incoming")

from ftplib import FTP


def connect(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)  # plain login
    return ftp


def publish(host, user, password, fh):
    with FTP(host, user, password) as ftp:
        ftp.storbinary("STOR report.csv", fh)

from app import FTP


def upload(host, user, password, fh):
    ftp = FTP(host)
    ftp.login(user, password)
    ftp.storbinary("STOR report.csv", fh)

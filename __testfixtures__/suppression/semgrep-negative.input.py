import ftplib


def lab_connect(host, user, password):
    ftp = ftplib.FTP(host)  # nosemgrep: some-other-rule
    ftp.login(user, password)
    return ftp

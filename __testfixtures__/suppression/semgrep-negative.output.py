import ftplib


def lab_connect(host, user, password):
    ftp = ftplib.FTP_TLS(host)  # nosemgrep: some-other-rule
    ftp.login(user, password)
    ftp.prot_p()
    return ftp

import ftplib


def legacy_connect(host):
    # nosemgrep: python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls
    return ftplib.FTP(host)


def lab_connect(host, user, password):
    ftp = ftplib.FTP(host)  # nosemgrep: use-ftp-tls
    ftp.login(user, password)
    return ftp

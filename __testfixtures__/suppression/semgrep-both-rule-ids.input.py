from ftplib import FTP


def lab_mirror(host):
    # reviewed: the lab network is isolated
    # nosemgrep: python.lang.security.audit.ftplib.ftplib, python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls
    return FTP(host)


def nightly(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)  # nosemgrep: use-ftp-tls
    return ftp

import ftplib


def mirror_listing(host):
    # nosemgrep: python.lang.security.audit.ftplib.ftplib
    ftp = ftplib.FTP(host)
    ftp.login()
    return ftp.nlst()


def public_mirror(host):
    ftp = ftplib.FTP(host)  # nosemgrep: python.lang.security.audit.ftplib
    ftp.login()
    return ftp


def upload(host, user, password):
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp

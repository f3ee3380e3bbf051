from ftplib import FTP, error_perm


def connect(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp


def connect_checked(host, user, password):
    ftp = FTP(host)
    try:
        ftp.login(user, password)
    except error_perm:
        ftp.close()
        raise
    else:
        ftp.prot_p()
    return ftp


def connect_logged(host, user, password, log):
    ftp = FTP(host)
    if user:
        ftp.login(user, password)
    else:
        ftp.login()
    log.info("logged in to %s", host)
    ftp.prot_p()
    return ftp

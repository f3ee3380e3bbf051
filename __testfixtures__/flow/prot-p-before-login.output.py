import ftplib


def protected_too_early(host, user, pw):
    # without auth() first the server refuses PBSZ/PROT: this prot_p() protects nothing
    ftp = ftplib.FTP_TLS(host)
    ftp.prot_p()
    ftp.login(user, pw)
    ftp.prot_p()
    return ftp.nlst()


def after_auth(host, user, pw):
    # the control channel is TLS already: PROT P set here stays set after login()
    ftp = ftplib.FTP_TLS(host)
    ftp.auth()
    ftp.prot_p()
    ftp.login(user, pw)
    return ftp.nlst()


def logged_in_again(host, user, pw):
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, pw)
    ftp.prot_p()
    ftp.login(user, pw)
    return ftp.nlst()

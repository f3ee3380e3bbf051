from ftplib import FTP


def upload(host):
    ftp = FTP(host)
    ftp.login(user="deploy", passwd="s3cret")
    return ftp


def reversed_order(host):
    ftp = FTP(host)
    ftp.login(passwd="s3cret", user="deploy", acct="billing")
    return ftp


def positional_user(host, user):
    ftp = FTP(host)
    ftp.login(user, passwd="s3cret")
    return ftp


def only_acct(host, user, password):
    # acct is accounting information (sent only if the server asks for it), not a password
    ftp = FTP(host)
    ftp.login(user, password, "billing-2024")
    return ftp

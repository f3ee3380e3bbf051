from ftplib import FTP_TLS


def upload(host):
    ftp = FTP_TLS(host)
    ftp.login(user="deploy", passwd="s3cret")
    ftp.prot_p()
    return ftp


def reversed_order(host):
    ftp = FTP_TLS(host)
    ftp.login(passwd="s3cret", user="deploy", acct="billing")
    ftp.prot_p()
    return ftp


def positional_user(host, user):
    ftp = FTP_TLS(host)
    ftp.login(user, passwd="s3cret")
    ftp.prot_p()
    return ftp


def only_acct(host, user, password):
    # acct is accounting information (sent only if the server asks for it), not a password
    ftp = FTP_TLS(host)
    ftp.login(user, password, "billing-2024")
    ftp.prot_p()
    return ftp

from ftplib import FTP_TLS


def connect(host, user, password):
    ftp = FTP_TLS(host, timeout=30)  # noqa: CSP-Q202
    ftp.login(user, password)  # ignore: CSP-D702
    ftp.prot_p()
    return ftp

from ftplib import FTP_TLS


def connect(host, user, password):
    ftp = FTP_TLS(host)
    ftp.login(user, password)  # plain login
    ftp.prot_p()
    return ftp


def publish(host, user, password, fh):
    with FTP_TLS(host, user, password) as ftp:
        ftp.prot_p()
        ftp.storbinary("STOR report.csv", fh)

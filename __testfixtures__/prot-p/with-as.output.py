from ftplib import FTP_TLS


def list_incoming(host, user, password):
    with FTP_TLS(host) as ftp:
        ftp.login(user, password)
        ftp.prot_p()
        return ftp.nlst("/incoming")

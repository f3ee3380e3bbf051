from ftplib import FTP, FTP_TLS


def list_lab(host):
    # ftptls: ignore
    with FTP(host, "lab", "lab") as ftp:
        return ftp.nlst()


def list_prod(host, user, password):
    with FTP_TLS(host, user, password) as ftp:
        ftp.prot_p()
        return ftp.nlst()

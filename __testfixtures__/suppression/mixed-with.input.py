from ftplib import FTP


def list_lab(host):
    # ftptls: ignore
    with FTP(host, "lab", "lab") as ftp:
        return ftp.nlst()


def list_prod(host, user, password):
    with FTP(host, user, password) as ftp:
        return ftp.nlst()

from ftplib import FTP


def list_lab_files(host):
    with FTP(host) as ftp:  # ignore
        ftp.login()
        return ftp.nlst()

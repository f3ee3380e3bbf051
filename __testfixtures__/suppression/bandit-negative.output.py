from ftplib import FTP_TLS


def upload_backup(host, archive):
    ftp = FTP_TLS(host, "backup", "changeme")  # nosec B105
    ftp.prot_p()
    with open(archive, "rb") as fh:
        ftp.storbinary("STOR backup.tar.gz", fh)
    ftp.quit()

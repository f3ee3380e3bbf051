from ftplib import FTP


def upload_backup(host, archive):
    ftp = FTP(host, "backup", "changeme")  # nosec B105
    with open(archive, "rb") as fh:
        ftp.storbinary("STOR backup.tar.gz", fh)
    ftp.quit()

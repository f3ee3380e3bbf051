from ftplib import (
    FTP,  # noqa: S402
    all_errors,
)
from ftplib import FTP_TLS


def fetch(host, user, password, name, dest):
    try:
        ftp = FTP_TLS(host)
        ftp.login(user, password)
        ftp.prot_p()
        with open(dest, "wb") as out:
            ftp.retrbinary(f"RETR {name}", out.write)
        ftp.quit()
    except all_errors as exc:
        raise RuntimeError(f"download of {name} failed") from exc

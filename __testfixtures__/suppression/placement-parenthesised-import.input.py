from ftplib import (
    FTP,  # noqa: S402
    all_errors,
)


def fetch(host, user, password, name, dest):
    try:
        ftp = FTP(host)
        ftp.login(user, password)
        with open(dest, "wb") as out:
            ftp.retrbinary(f"RETR {name}", out.write)
        ftp.quit()
    except all_errors as exc:
        raise RuntimeError(f"download of {name} failed") from exc

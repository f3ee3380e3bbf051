import ftplib
import sys


def connect(host, user, password):
    ftp = ftplib.FTP(host)
    try:
        ftp.login(user, password)
    except ftplib.error_perm as exc:
        print(f"login failed: {exc}", file=sys.stderr)
        ftp.close()
        raise
    return ftp

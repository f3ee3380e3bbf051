import ftplib
import sys


def connect(host, user, password):
    ftp = ftplib.FTP_TLS(host)
    try:
        ftp.login(user, password)
        ftp.prot_p()
    except ftplib.error_perm as exc:
        print(f"login failed: {exc}", file=sys.stderr)
        ftp.close()
        raise
    return ftp

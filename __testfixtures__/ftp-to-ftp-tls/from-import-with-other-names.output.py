import logging
from ftplib import FTP_TLS, error_perm

log = logging.getLogger(__name__)


def fetch_report(host, path):
    ftp = FTP_TLS(host)
    ftp.login()
    lines = []
    try:
        ftp.retrlines(f"RETR {path}", lines.append)
    except error_perm as exc:
        log.warning("cannot read %s: %s", path, exc)
    finally:
        ftp.quit()
    return lines

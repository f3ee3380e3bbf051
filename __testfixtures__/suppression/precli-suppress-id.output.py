"""Nightly export of the billing reports to the partners' FTP servers."""
from ftplib import FTP, FTP_TLS

LEGACY_HOST = "ftp.legacy-partner.example"
PARTNER_HOST = "ftp.partner.example"


def push_legacy(path, user, password):
    # The legacy partner's server has no TLS support (ticket OPS-1182).
    ftp = FTP(LEGACY_HOST)  # suppress: PY003
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
    ftp.quit()


def push_partner(path, user, password):
    ftp = FTP_TLS(PARTNER_HOST)
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
    ftp.quit()

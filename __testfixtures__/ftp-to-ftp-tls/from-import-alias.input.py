"""Nightly upload of the sales export.

The alias below is misleading: SecureFTP is plain ftplib.FTP.
"""
import os
from ftplib import FTP as SecureFTP

EXPORT_DIR = "/var/exports"


def upload_exports(host, user, password):
    client = SecureFTP(host, timeout=30)
    client.login(user, password)
    for name in sorted(os.listdir(EXPORT_DIR)):
        with open(os.path.join(EXPORT_DIR, name), "rb") as fh:
            client.storbinary(f"STOR {name}", fh)
    client.quit()

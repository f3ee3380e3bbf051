# Re-exports ftplib's FTP for the project: another module imports FTP from here, so FTP_TLS is exported
# beside it.
from ftplib import FTP


def listing(host):
    conn = FTP(host)
    conn.login()
    return conn.nlst()

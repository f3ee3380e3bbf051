# Re-exports ftplib's FTP for the project: another module imports FTP from here, so FTP_TLS is exported
# beside it.
from ftplib import FTP, FTP_TLS


def listing(host):
    conn = FTP_TLS(host)
    conn.login()
    conn.prot_p()
    return conn.nlst()

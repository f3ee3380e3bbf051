# One connection kept cleartext on purpose (suppressed), another rewritten to FTP_TLS.
import ftplib


def push_legacy(host, user, passwd):
    conn = ftplib.FTP(host)  # nosec B321 - the legacy box speaks no TLS
    conn.login(user, passwd)
    conn.quit()


def push(host, user, passwd):
    conn = ftplib.FTP(host)
    conn.login(user, passwd)
    conn.quit()

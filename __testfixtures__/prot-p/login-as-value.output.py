import logging
from ftplib import FTP_TLS

log = logging.getLogger("sync")


def open_connection(host, user, password):
    conn = FTP_TLS(host)
    welcome = conn.login(user, password)
    conn.prot_p()
    log.info("server said: %s", welcome)
    return conn


def open_checked(host, user, password):
    conn = FTP_TLS(host)
    if not conn.login(user, password).startswith("230"):
        raise RuntimeError("login refused")
    return conn

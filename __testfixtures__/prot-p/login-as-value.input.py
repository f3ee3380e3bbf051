import logging
from ftplib import FTP

log = logging.getLogger("sync")


def open_connection(host, user, password):
    conn = FTP(host)
    welcome = conn.login(user, password)
    log.info("server said: %s", welcome)
    return conn


def open_checked(host, user, password):
    conn = FTP(host)
    if not conn.login(user, password).startswith("230"):
        raise RuntimeError("login refused")
    return conn

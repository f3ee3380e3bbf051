from ftplib import FTP


def open_legacy(host, user, password):
    ftp = FTP(
        host,
        user,
        password,  # nosec B321
        timeout=30,
    )
    ftp.cwd("/outgoing")
    return ftp


def open_current(host, user, password):
    ftp = FTP(
        host,
        user,
        password,
        timeout=30,
    )
    ftp.cwd("/outgoing")
    return ftp


def open_backup(host, user, password):
    ftp = FTP(
        host,
        user,
        password,
    )  # nosec B321
    ftp.cwd("/backups")
    return ftp

import ftplib
import logging

log = logging.getLogger(__name__)


def connect(host, user, password, attempts=3):
    for attempt in range(attempts):
        ftp = ftplib.FTP(host, timeout=30)
        try:
            ftp.login(user, password)
        except ftplib.error_temp:
            log.warning("attempt %d failed", attempt + 1)
            ftp.close()
        else:
            log.info("connected to %s", host)
            return ftp
    raise ConnectionError(host)

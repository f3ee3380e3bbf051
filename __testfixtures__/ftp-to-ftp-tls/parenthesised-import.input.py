from ftplib import (
    # the client class
    FTP,  # cleartext for now
    error_perm,
    error_temp,  # retried by the caller
)


def open_session(host: str):
    session = FTP(host, timeout=60)
    session.login("anonymous", "guest@example.com")
    return session


RETRYABLE = (error_temp,)
FATAL = (error_perm,)

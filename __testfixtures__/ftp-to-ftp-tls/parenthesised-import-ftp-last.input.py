from ftplib import (error_perm,
                    error_reply,
                    FTP)

ERRORS = (error_perm, error_reply)


def connect(host):
    return FTP(host, "ftpuser", "ftppass")

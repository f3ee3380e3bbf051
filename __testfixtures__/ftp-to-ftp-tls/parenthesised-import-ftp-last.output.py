from ftplib import (error_perm,
                    error_reply,
                    FTP_TLS)

ERRORS = (error_perm, error_reply)


def connect(host):
    return FTP_TLS(host, "ftpuser", "ftppass")

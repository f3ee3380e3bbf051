from ftplib import FTP


def connect(host, secure):
    if secure:
        from ftplib import FTP_TLS

        conn = FTP_TLS(host)
    else:
        conn = FTP(host)
    conn.login()
    return conn


def other_library(host):
    conn = FTP(host)
    conn.login()
    return conn

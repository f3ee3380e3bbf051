from ftplib import FTP, FTP_TLS


def connect(host, secure):
    if secure:
        from ftplib import FTP_TLS

        conn = FTP_TLS(host)
    else:
        conn = FTP(host)
    conn.login()
    return conn


def other_library(host):
    conn = FTP_TLS(host)
    conn.login()
    conn.prot_p()
    return conn

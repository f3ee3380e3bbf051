import ftplib


def open_link(host):
    return ftplib.FTP_TLS(host)


def sign_on(conn, creds):
    conn.login(*creds)
    conn.cwd("/")

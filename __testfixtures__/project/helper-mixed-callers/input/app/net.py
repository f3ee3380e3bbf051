import ftplib


def open_link(host):
    return ftplib.FTP(host)


def sign_on(conn, creds):
    conn.login(*creds)
    conn.cwd("/")

import ftplib


def upload(host, user, passwd, path):
    conn = ftplib.FTP_TLS(host)
    conn.login(user, passwd)
    conn.set_pasv(True)
    conn.cwd("/incoming")
    conn.prot_p()
    with open(path, "rb") as fh:
        conn.storbinary("STOR data", fh)


def protected_first(host, user, passwd):
    conn = ftplib.FTP_TLS(host)
    conn.auth()
    conn.prot_p()
    conn.login(user, passwd)
    conn.retrlines("LIST")


def transfer_first(host, user, passwd):
    conn = ftplib.FTP_TLS(host)
    conn.login(user, passwd)
    conn.retrlines("LIST")
    conn.prot_p()
    conn.retrlines("LIST")

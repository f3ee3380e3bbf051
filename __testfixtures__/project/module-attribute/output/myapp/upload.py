from ftplib import FTP_TLS


def send(host, user, pw, path):
    conn = FTP_TLS(host)
    conn.login(user, pw)
    conn.prot_p()
    with open(path, "rb") as fh:
        conn.storbinary("STOR data", fh)
    conn.quit()

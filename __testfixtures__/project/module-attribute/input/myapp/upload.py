from ftplib import FTP


def send(host, user, pw, path):
    conn = FTP(host)
    conn.login(user, pw)
    with open(path, "rb") as fh:
        conn.storbinary("STOR data", fh)
    conn.quit()

from ftplib import FTP


def connect(host, user, passwd):
    conn: FTP = FTP()
    conn.connect(host, 2121)
    if hasattr(conn, "prot_p"):
        conn.prot_p()
    conn.login(user, passwd)
    return conn

from ftplib import FTP


def connect(host, credentials=None):
    ftp = FTP(host)
    if credentials:
        user, password = credentials
        ftp.login(user, password)
    return ftp


def connect_all(hosts):
    conns = []
    for host in hosts:
        conn = FTP(host)
        conn.login()
    # a comment at the outer level
        conns.append(conn)
    return conns

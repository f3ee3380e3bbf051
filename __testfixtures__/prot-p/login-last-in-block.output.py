from ftplib import FTP_TLS


def connect(host, credentials=None):
    ftp = FTP_TLS(host)
    if credentials:
        user, password = credentials
        ftp.login(user, password)
        ftp.prot_p()
    return ftp


def connect_all(hosts):
    conns = []
    for host in hosts:
        conn = FTP_TLS(host)
        conn.login()
        conn.prot_p()
    # a comment at the outer level
        conns.append(conn)
    return conns

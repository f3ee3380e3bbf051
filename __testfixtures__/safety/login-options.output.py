import ftplib


def plain_control(host, user, passwd):
    conn = ftplib.FTP_TLS(host)
    conn.login(user, passwd, secure=False)
    conn.retrlines("LIST")


def no_user(host):
    conn = ftplib.FTP_TLS(host, None)
    conn.login()
    conn.prot_p()
    conn.retrlines("LIST")


def by_hand(host, user, passwd):
    conn = ftplib.FTP_TLS(host)
    conn.sendcmd("USER " + user)
    conn.sendcmd(f"PASS {passwd}")
    conn.retrlines("LIST")

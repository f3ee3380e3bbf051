import ftplib


def by_name(host, user, pw):
    ftp = ftplib.FTP(host)
    getattr(ftp, "login")(user, pw)
    return ftp.nlst()


def own_getattr(host, user, pw):
    def getattr(obj, name):
        return lambda *args: None

    ftp = ftplib.FTP_TLS(host)
    getattr(ftp, "login")(user, pw)
    return ftp


def by_chosen_name(host, user, pw, method="login"):
    link = ftplib.FTP(host)
    getattr(link, method)(user, pw)
    return link.nlst()


def by_other_literal(host, user, pw):
    conn = ftplib.FTP(host)
    conn.login(user, pw)
    getattr(conn, "cwd")("/pub")
    return conn

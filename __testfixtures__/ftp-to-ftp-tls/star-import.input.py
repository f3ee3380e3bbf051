from ftplib import *


def list_directory(host, path="/"):
    conn = FTP(host)
    conn.login()
    try:
        return conn.nlst(path)
    except error_perm:
        return []
    finally:
        conn.close()

import myapp.upload as up
from myapp import upload


def check(host):
    conn = upload.FTP(host)
    conn.login()
    other = up.FTP(host)
    return other.nlst()

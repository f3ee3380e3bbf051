import myapp.upload as up
from myapp import upload


def check(host):
    conn = upload.FTP_TLS(host)
    conn.login()
    conn.prot_p()
    other = up.FTP_TLS(host)
    return other.nlst()

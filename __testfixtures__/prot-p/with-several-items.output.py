import ftplib
from ftplib import FTP_TLS


def copy(src_host, dst_host, name):
    with FTP_TLS(src_host) as src, ftplib.FTP_TLS(dst_host) as dst, open("/tmp/buf", "w+b") as buf:
        src.login()
        src.prot_p()
        dst.login()
        dst.prot_p()
        src.retrbinary("RETR " + name, buf.write)
        buf.seek(0)
        dst.storbinary("STOR " + name, buf)

import ftplib
from ftplib import FTP


def copy(src_host, dst_host, name):
    with FTP(src_host) as src, ftplib.FTP(dst_host) as dst, open("/tmp/buf", "w+b") as buf:
        src.login()
        dst.login()
        src.retrbinary("RETR " + name, buf.write)
        buf.seek(0)
        dst.storbinary("STOR " + name, buf)

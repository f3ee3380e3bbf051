# A choice between ftplib's class (or a factory) and something not known (another module's function) or a
# callable that makes no connection (a lambda): a constructor login or a login through it may be on an
# FTP_TLS connection, so it is reported, never passed over. A login after a call that gives a connection or
# None (`(lambda h: None) if sftp else open_link`) gets prot_p(): on None, login() has failed already.
import ftplib
from ftplib import FTP


def connect(site, user, passwd, sftp=False):
    cls = (lambda si, lo, pw: None) if sftp else FTP
    conn = cls(site, user, passwd)
    return conn.nlst()


def connect_other(site, user, passwd, sftp=False):
    maker = make_sftp if sftp else FTP
    link = maker(site, user, passwd)
    return link.nlst()


def login_after(host, sftp, password):
    kind = make_sftp if sftp else ftplib.FTP
    session = kind(host)
    session.login("mirror", password)
    session.nlst()


def open_link(host):
    return ftplib.FTP(host)


def through_factory(host, sftp, password):
    make = (lambda h: None) if sftp else open_link
    handle = make(host)
    handle.login("mirror", password)

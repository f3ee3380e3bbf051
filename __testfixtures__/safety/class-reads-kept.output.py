import ftplib
from ftplib import FTP, FTP_TLS

_old_makepasv = ftplib.FTP.makepasv


def _patched_makepasv(self):
    host, port = _old_makepasv(self)
    return self.sock.getpeername()[0], port


def validate(factory):
    if not issubclass(factory, (FTP, ftplib.FTP)):
        raise TypeError("an ftplib.FTP class is needed")
    return factory


def connect(host):
    return FTP_TLS(host)

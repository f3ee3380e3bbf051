import ssl
from ftplib import FTP_TLS

a = FTP_TLS("h", context=ssl._create_unverified_context())

unverified = ssl._create_unverified_context()
b = FTP_TLS("h", context=unverified)


def no_cert_check():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return FTP_TLS("h", context=ctx)


def no_hostname_check():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    return FTP_TLS("h", context=ctx)


class Client:
    def __init__(self):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS)

    def connect(self):
        return FTP_TLS("h", context=self.context)


d = FTP_TLS("h", context=ssl.create_default_context(ssl.Purpose.CLIENT_AUTH))

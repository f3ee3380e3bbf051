import os
import ssl


def connect():
    return FTP_TLS(os.environ["H"], context=ssl.create_default_context())


from ftplib import FTP_TLS

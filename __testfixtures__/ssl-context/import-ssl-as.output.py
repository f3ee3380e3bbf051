import ftplib
import ssl as _ssl


def connect(host):
    return ftplib.FTP_TLS(host, timeout=30, context=_ssl.create_default_context())

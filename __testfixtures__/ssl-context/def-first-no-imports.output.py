import ssl


def connect(host):
    from ftplib import FTP_TLS

    return FTP_TLS(host, context=ssl.create_default_context())

"""Upload helpers."""
import ssl


def connect(host):
    import ftplib

    return ftplib.FTP_TLS(host, context=ssl.create_default_context())

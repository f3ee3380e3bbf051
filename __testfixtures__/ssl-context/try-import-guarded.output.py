try:
    import ssl
    from ftplib import FTP_TLS
    import certifi
except ImportError:
    certifi = None


def connect(host):
    if certifi is not None:
        print("certifi", certifi.where())
    return FTP_TLS(host, context=ssl.create_default_context())

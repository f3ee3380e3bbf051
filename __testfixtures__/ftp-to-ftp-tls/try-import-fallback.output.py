try:
    from ftplib import FTP_TLS
except ImportError:  # stripped-down interpreters
    FTP_TLS = None


def available():
    return FTP_TLS is not None


def connect(host):
    if FTP_TLS is None:
        raise RuntimeError("ftplib is not available")
    return FTP_TLS(host)

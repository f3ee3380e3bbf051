try:
    from ftplib import FTP
except ImportError:  # stripped-down interpreters
    FTP = None


def available():
    return FTP is not None


def connect(host):
    if FTP is None:
        raise RuntimeError("ftplib is not available")
    return FTP(host)

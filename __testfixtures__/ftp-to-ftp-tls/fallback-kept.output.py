try:
    from ftplib import FTP, FTP_TLS
except ImportError:
    FTP = FTP_TLS = None

PRESETS = {"mirror": ("mirror.example.com", "anonymous", "guest@")}


def connect_preset(name):
    return FTP(*PRESETS[name])


def connect(host):
    return FTP_TLS(host)

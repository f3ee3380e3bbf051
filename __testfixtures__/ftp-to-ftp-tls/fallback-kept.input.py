try:
    from ftplib import FTP
except ImportError:
    FTP = None

PRESETS = {"mirror": ("mirror.example.com", "anonymous", "guest@")}


def connect_preset(name):
    return FTP(*PRESETS[name])


def connect(host):
    return FTP(host)

"""`global FTP` then `from ftplib import FTP`: the import sets the module's FTP. Renamed in the function, it
would bind FTP_TLS there and leave the module's FTP unset, so this is left for a person (a manual finding)."""


def load():
    global FTP
    from ftplib import FTP


def connect(host):
    load()
    return FTP(host)

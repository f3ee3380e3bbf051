"""Upload helpers."""
def connect(host):
    import ftplib

    return ftplib.FTP_TLS(host)

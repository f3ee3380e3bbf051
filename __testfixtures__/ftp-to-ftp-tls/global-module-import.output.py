"""A function that imports ftplib into the module's namespace (`global`): its FTP is ftplib's."""


def connect(host):
    global ftplib
    import ftplib

    return ftplib.FTP_TLS(host)

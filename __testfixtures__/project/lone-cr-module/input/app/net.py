import ftplib

# the link to the backup hostdef open_link(server):
    return ftplib.FTP(server, timeout=30)

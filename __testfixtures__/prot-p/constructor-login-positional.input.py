from ftplib import FTP

HOST = "ftp.example.com"


def fetch(name, user, password):
    ftp = FTP(HOST, user, password)
    chunks = []
    ftp.retrbinary("RETR " + name, chunks.append)
    ftp.quit()
    return b"".join(chunks)

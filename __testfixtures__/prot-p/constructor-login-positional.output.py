from ftplib import FTP_TLS

HOST = "ftp.example.com"


def fetch(name, user, password):
    ftp = FTP_TLS(HOST, user, password)
    ftp.prot_p()
    chunks = []
    ftp.retrbinary("RETR " + name, chunks.append)
    ftp.quit()
    return b"".join(chunks)

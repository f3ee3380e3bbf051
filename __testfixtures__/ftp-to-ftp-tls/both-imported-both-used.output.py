from ftplib import FTP_TLS


def client_for(url):
    if url.startswith("ftps://"):
        return FTP_TLS(url[7:])
    return FTP_TLS(url[6:])

from ftplib import FTP_TLS


def fetch_index(host):
    ftps = FTP_TLS(host)
    ftps.login()
    index = []
    ftps.retrlines("LIST", index.append)  # this listing still goes in cleartext
    ftps.prot_p()
    ftps.retrlines("RETR README", index.append)
    return index

try:
    from ftplib import FTP_TLS as FTP
except ImportError:  # Python built without ssl
    from ftplib import FTP


def connect(host, user, password):
    ftp = FTP(host)
    ftp.login(user, password)
    ftp.prot_p()
    return ftp

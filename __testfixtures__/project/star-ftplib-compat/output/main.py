from app.compat import FTP_TLS


def upload(host, user, password, fh):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    ftp.storbinary("STOR report.csv", fh)

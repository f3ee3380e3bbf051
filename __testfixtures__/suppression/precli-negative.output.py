from ftplib import FTP_TLS


def upload_invoice(host, user, password, path):
    ftp = FTP_TLS(host)  # suppress: PY004
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR invoice.pdf", fh)
    ftp.quit()

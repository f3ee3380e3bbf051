from ftplib import FTP


def upload_invoice(host, user, password, path):
    ftp = FTP(host)  # suppress: PY004
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR invoice.pdf", fh)
    ftp.quit()

from ftplib import FTP_TLS


def connect(host):  # nosec B321
    return FTP_TLS(host)


def upload(host, user, password, path):
    # nosec B321

    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR upload.bin", fh)
    ftp.quit()

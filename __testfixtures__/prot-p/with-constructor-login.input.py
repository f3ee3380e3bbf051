from ftplib import FTP


def publish(host, user, password, path):
    with FTP(host, user=user, passwd=password) as ftp:
        with open(path, "rb") as fh:
            ftp.storbinary("STOR " + path.rsplit("/", 1)[-1], fh)


def touch(host, user, password):
    with FTP(host, user, password) as ftp: ftp.voidcmd("NOOP")

from ftplib import FTP_TLS


def publish(host, user, password, path):
    with FTP_TLS(host, user=user, passwd=password) as ftp:
        ftp.prot_p()
        with open(path, "rb") as fh:
            ftp.storbinary("STOR " + path.rsplit("/", 1)[-1], fh)


def touch(host, user, password):
    with FTP_TLS(host, user, password) as ftp: ftp.prot_p(); ftp.voidcmd("NOOP")

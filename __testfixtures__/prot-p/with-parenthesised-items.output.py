from ftplib import FTP_TLS


def archive(host, user, password, paths):
    with (
        FTP_TLS(host, user, password) as ftp,
        open("/var/log/archive.log", "a") as log,
    ):
        ftp.prot_p()
        for path in paths:
            with open(path, "rb") as fh:
                ftp.storbinary("STOR " + path, fh)
            log.write(path + "\n")

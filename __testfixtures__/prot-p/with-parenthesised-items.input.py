from ftplib import FTP


def archive(host, user, password, paths):
    with (
        FTP(host, user, password) as ftp,
        open("/var/log/archive.log", "a") as log,
    ):
        for path in paths:
            with open(path, "rb") as fh:
                ftp.storbinary("STOR " + path, fh)
            log.write(path + "\n")

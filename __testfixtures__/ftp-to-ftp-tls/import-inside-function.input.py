def push(host, user, password, payload):
    # ftplib is only needed on the rare push path
    from ftplib import FTP
    import io

    ftp = FTP(host)
    ftp.login(user, password)
    ftp.storbinary("STOR payload.bin", io.BytesIO(payload))
    ftp.quit()


def ping(host):
    import ftplib

    with ftplib.FTP(host) as ftp:
        return ftp.voidcmd("NOOP")

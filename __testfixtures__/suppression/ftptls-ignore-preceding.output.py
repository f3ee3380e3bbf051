import ftplib


def read_meter(host):
    # Meter firmware 2.1 rejects AUTH TLS; revisit when 3.0 ships.
    # ftptls: ignore
    with ftplib.FTP(host, "meter", "meter") as ftp:
        return ftp.nlst()

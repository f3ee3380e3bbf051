from ftplib import FTP


def sizes(host, names):
    result = {}
    with FTP(host) as ftp:
        ftp.login()
        for name in names:
            result[name] = ftp.size(name)
    return result

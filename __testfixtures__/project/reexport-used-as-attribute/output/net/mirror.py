from net.compat import FTP_TLS


class Mirror(FTP_TLS):
    pass

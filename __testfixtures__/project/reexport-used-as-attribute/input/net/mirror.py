from net.compat import FTP


class Mirror(FTP):
    pass

import ftplib


class Storage:
    def __init__(self, host, secure):
        self.host = host
        self.secure = secure

    def connect(self, user, passwd):
        ftp = ftplib.FTP_TLS() if self.secure else ftplib.FTP()
        ftp.connect(self.host)
        ftp.login(user, passwd)
        if self.secure:
            ftp.prot_p()
        return ftp


def session_factory(base_class=ftplib.FTP, encrypt_data_channel=True):
    if not issubclass(base_class, ftplib.FTP):
        raise ValueError("base_class must be an ftplib.FTP subclass")

    class Session(base_class):
        def __init__(self, host, user, passwd):
            super().__init__()
            self.connect(host)
            self.login(user, passwd)
            if encrypt_data_channel and hasattr(base_class, "prot_p"):
                self.prot_p()

    return Session

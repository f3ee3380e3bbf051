import ftplib


class QuietFTP(ftplib.FTP_TLS):
    def sendcmd(self, cmd):
        return super().sendcmd(cmd)


class ConfiguredFTP(ftplib.FTP_TLS):
    def __init__(self, host, timeout):
        super().__init__(host, "", "", "", timeout=timeout)


def open_all(hosts):
    quiet = [QuietFTP(h, "", "", "", timeout=10) for h in hosts]
    configured = [ConfiguredFTP(h, 10) for h in hosts]
    return quiet + configured

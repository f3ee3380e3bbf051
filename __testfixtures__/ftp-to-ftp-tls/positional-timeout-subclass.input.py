import ftplib


class QuietFTP(ftplib.FTP):
    def sendcmd(self, cmd):
        return super().sendcmd(cmd)


class ConfiguredFTP(ftplib.FTP):
    def __init__(self, host, timeout):
        super().__init__(host, "", "", "", timeout)


def open_all(hosts):
    quiet = [QuietFTP(h, "", "", "", 10) for h in hosts]
    configured = [ConfiguredFTP(h, 10) for h in hosts]
    return quiet + configured

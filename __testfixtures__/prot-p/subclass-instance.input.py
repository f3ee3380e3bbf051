from ftplib import FTP


class TracingFTP(FTP):
    def putcmd(self, line):
        print(">>", line)
        super().putcmd(line)


def connect(host, user, password):
    client = TracingFTP(host)
    client.login(user, password)
    return client

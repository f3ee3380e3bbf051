from ftplib import FTP_TLS


class TracingFTP(FTP_TLS):
    def putcmd(self, line):
        print(">>", line)
        super().putcmd(line)


def connect(host, user, password):
    client = TracingFTP(host)
    client.login(user, password)
    client.prot_p()
    return client

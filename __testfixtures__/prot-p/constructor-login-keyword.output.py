import ftplib


class Feed:
    def __init__(self, config):
        self.conn = ftplib.FTP_TLS(
            config["host"],
            user=config["user"],
            passwd=config["password"],
            timeout=config.get("timeout", 30),
        )
        self.conn.prot_p()
        self.conn.cwd(config["directory"])

from ftplib import *


class FTP:
    """Replaces ftplib's FTP for the simulator."""

    def __init__(self, host=""):
        self.host = host

    def login(self, user="", passwd=""):
        return "230 simulated"


sim = FTP("sim")
sim.login()

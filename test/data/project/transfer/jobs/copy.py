import os

from .. import open_session


def upload(settings, path):
    conn = open_session(settings)
    conn.login(settings["user"], settings["password"])
    with open(path, "rb") as fh:
        conn.storbinary("STOR " + os.path.basename(path), fh)
    return conn

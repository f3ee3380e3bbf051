from .connection import connect


def open_session(settings):
    return connect(settings["host"], settings["port"])

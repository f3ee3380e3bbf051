"""The module's own def comes after the star import: it is the one that binds open_link."""
from .net import *


def open_link(host):
    return None

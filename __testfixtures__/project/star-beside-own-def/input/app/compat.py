"""The star import on one path, the fallback def on the other: either may bind open_link."""
try:
    from .net import *
except ImportError:

    def open_link(host):
        return None

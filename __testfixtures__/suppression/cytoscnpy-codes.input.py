"""Connections to the plant-floor gateways, which only speak plain FTP."""
from ftplib import FTP


def connect_press_line(host):
    return FTP(host)  # noqa: CSP


def connect_paint_shop(host):
    return FTP(host, timeout=10)  # ignore: CSP-D406


def connect_warehouse(host):
    return FTP(host, timeout=10)  # noqa: CSP-D406, CSP-Q202

"""Factories and connections unpacked by a for loop, and a dict's values and items."""
import ftplib


def open_link(host):
    return ftplib.FTP(host)


def by_pairs(user, pw):
    for name, opener in [("link", open_link), ("plain", ftplib.FTP)]:
        conn = opener("files.example.com")
        conn.login(user, pw)


def by_values(user, pw):
    makers = {"link": open_link, "plain": ftplib.FTP}
    for maker in makers.values():
        conn = maker("files.example.com")
        conn.login(user, pw)


def by_items(user, pw):
    factories = {"link": open_link, "plain": ftplib.FTP}
    for name, factory in factories.items():
        conn = factory("files.example.com")
        conn.login(user, pw)


def by_host(user, pw):
    for host, conn in [(h, ftplib.FTP(h)) for h in ("a.example.com", "b.example.com")]:
        conn.login(user, pw)


def not_written_out(user, pw, rows):
    for host, conn in rows:
        conn.login(user, pw)

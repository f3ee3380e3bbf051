#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# Test double for the lab's plain FTP server; it must stay cleartext.
# ftptls: skip-file
"""Talks to the fake FTP server started by the integration tests."""
from ftplib import FTP


def connect(port):
    ftp = FTP()
    ftp.connect("127.0.0.1", port)
    ftp.login("test", "test")
    return ftp

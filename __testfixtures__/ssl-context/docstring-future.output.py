#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Mirror a directory to the backup server.

Usage: mirror.py HOST
"""
from __future__ import annotations

import ssl
import sys
from ftplib import FTP_TLS


def main(host: str) -> None:
    with FTP_TLS(host, "backup", "secret", context=ssl.create_default_context()) as ftp:
        ftp.prot_p()
        ftp.retrlines("LIST")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Upload helpers."""
# Copyright (c) Example Ltd.
# SPDX-License-Identifier: MIT

import ssl


# Connect lazily: ftplib is only needed for uploads.
def connect(host):
    from ftplib import FTP_TLS

    return FTP_TLS(host, context=ssl.create_default_context())

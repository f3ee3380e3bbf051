import sys
import os
import ssl
from ftplib import FTP_TLS
import json

ftp = FTP_TLS("ftp.example.com", context=ssl.create_default_context())

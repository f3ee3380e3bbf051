import sys
import os
from ftplib import FTP
import json

ftp = FTP("ftp.example.com")

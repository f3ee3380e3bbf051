# -*- coding: utf-8 -*-
"""Téléchargement des factures."""
import ftplib

ftp = ftplib.FTP("ftp.example.fr")
ftp.login("compta", "secret")
ftp.cwd("/factures")

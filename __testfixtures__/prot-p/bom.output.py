# -*- coding: utf-8 -*-
"""Téléchargement des factures."""
import ftplib

ftp = ftplib.FTP_TLS("ftp.example.fr")
ftp.login("compta", "secret")
ftp.prot_p()
ftp.cwd("/factures")

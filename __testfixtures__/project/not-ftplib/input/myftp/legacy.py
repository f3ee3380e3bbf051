import ftplib

ERRORS = ftplib.all_errors

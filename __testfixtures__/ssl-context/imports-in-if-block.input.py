if True:
    import os
    from ftplib import FTP_TLS

    ftp = FTP_TLS(os.environ["H"])

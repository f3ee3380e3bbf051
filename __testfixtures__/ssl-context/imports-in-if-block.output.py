if True:
    import os
    import ssl
    from ftplib import FTP_TLS

    ftp = FTP_TLS(os.environ["H"], context=ssl.create_default_context())

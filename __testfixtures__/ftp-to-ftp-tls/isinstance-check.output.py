import ftplib


def close_quietly(obj):
    if isinstance(obj, ftplib.FTP):
        try:
            obj.quit()
        except ftplib.all_errors:
            obj.close()
    elif hasattr(obj, "close"):
        obj.close()

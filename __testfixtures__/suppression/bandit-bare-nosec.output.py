from ftplib import FTP


def poll_camera(host):
    ftp = FTP(host, "camera", "camera")  # nosec
    try:
        return ftp.nlst("/snapshots")
    finally:
        ftp.quit()


def poll_doorbell(host):
    ftp = FTP(host, "doorbell", "doorbell")  # nosec - reviewed, isolated IoT VLAN
    try:
        return ftp.nlst("/events")
    finally:
        ftp.quit()

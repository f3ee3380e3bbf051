import ftplib


def fetch_price_list(host, dest):
    # suppress: cleartext_transmission
    conn = ftplib.FTP(host, "anonymous", "prices@example.com")
    with open(dest, "wb") as out:
        conn.retrbinary("RETR prices.txt", out.write)
    conn.quit()

from shop.transfer import connect

link = connect("backup.example.com")
link.login("anonymous", "")
link.retrlines("LIST")

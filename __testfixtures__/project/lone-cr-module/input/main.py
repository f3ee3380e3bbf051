from app.net import open_link


def run(host, user, password):
    link = open_link(host)
    link.login(user, password)
    return link

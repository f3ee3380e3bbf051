from app.base import Base


class Uploader(Base):
    def sign_in(self, user, pw):
        self.ftp.login(user, pw)


class Nightly(Uploader):
    def run(self, user, pw):
        self.ftp.login(user, pw)
        return self.ftp.nlst()


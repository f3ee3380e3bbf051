from app.base import Base


class Uploader(Base):
    def sign_in(self, user, pw):
        self.ftp.login(user, pw)
        self.ftp.prot_p()


class Nightly(Uploader):
    def run(self, user, pw):
        self.ftp.login(user, pw)
        self.ftp.prot_p()
        return self.ftp.nlst()


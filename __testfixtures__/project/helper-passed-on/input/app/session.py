from app.auth import greet
from app.auth import sign_on as log_in

__all__ = ["greet", "log_in"]

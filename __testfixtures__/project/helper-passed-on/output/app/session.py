from app.auth import Session, greet
from app.auth import sign_on as log_in

__all__ = ["Session", "greet", "log_in"]

"""A small package whose connection is made in one module and logged in in another, three imports away."""
from .session import open_session

__all__ = ["open_session"]

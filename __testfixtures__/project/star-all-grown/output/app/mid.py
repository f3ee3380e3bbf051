"""What net exports: its __all__ grows after its literal, so every public name counts."""
from .net import *

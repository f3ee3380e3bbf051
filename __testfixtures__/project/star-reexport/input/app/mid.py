"""Re-exports the public names of net (no __all__ there) and what old's __all__ lists."""
from .net import *
from .old import *

"""The package passes on what conn defines; nothing imports FTP from it by name."""
from .conn import *

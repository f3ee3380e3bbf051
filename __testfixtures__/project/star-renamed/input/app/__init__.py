"""The package passes on what net defines."""
from .net import *

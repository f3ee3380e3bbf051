"""What this project takes from ftplib, in one place."""
from ftplib import *

"""Gives mid, and through it net, as attributes (`app.top.mid.net`)."""
import app.mid as mid

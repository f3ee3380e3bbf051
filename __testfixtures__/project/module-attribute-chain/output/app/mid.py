"""Gives net to its importers as an attribute (`app.mid.net`)."""
import app.net as net

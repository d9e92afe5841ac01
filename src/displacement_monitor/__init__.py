"""displacement-monitor: displacement figures and places out of news text."""

__version__ = "0.1.0"

"""Herald: job openings and FAQ answers for the cultural-heritage community, in chat."""

__version__ = "0.1.0"

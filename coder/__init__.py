"""acled-coder: news reports in, an ACLED-style conflict-event dataset out."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1.0"

"""kg: a knowledge-graph builder for news about the digital economy of the Mekong region.

The pipeline, in the order a reader can follow it:

    ingest -> nlp -> mentions -> linking -> relations -> graph -> export / view / query

Each stage is a small package with one public entry point; stages pass the
typed records of :mod:`kg.records`.
"""

__version__ = "0.1.0"

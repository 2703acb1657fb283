"""The interactive HTML view of a contract graph (see :func:`write_html`)."""

from kg.view.html import write_html

__all__ = ["write_html"]

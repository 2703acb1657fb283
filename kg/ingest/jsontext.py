"""JSON from untrusted files: strict numbers, bounded nesting, one exception with a readable reason.

Python's :func:`json.loads` accepts ``NaN`` and ``Infinity`` (not JSON), turns
``1e999`` into infinity, and raises :class:`RecursionError` on arrays nested a
thousand deep and :class:`ValueError` on integers of more than 4,300 digits.
:func:`load_json` refuses all of these with :class:`JsonProblem`, so a reader
reports one bad file (or line) and goes on with the next.
"""

from __future__ import annotations

import json
import math
import re

#: Deepest nesting of arrays and objects accepted (articles, sidecars and manifests are one or two deep).
MAX_DEPTH = 64

#: a string (its brackets do not count; unterminated ones run to the end) or a bracket
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class JsonProblem(ValueError):
    """A JSON text that cannot be used; ``str()`` is the reason for the report."""


class _Refused(ValueError):
    pass


def _refuse_constant(name: str) -> object:
    raise _Refused(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"number {text[:20]} is out of range")
    return value


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in a JSON text, brackets inside strings not counted (linear time)."""
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def load_json(text: str, *, max_depth: int = MAX_DEPTH) -> object:
    """Parse a JSON text from an input file.

    Args:
        text: The JSON text.
        max_depth: Deepest nesting accepted.

    Returns:
        The parsed value.

    Raises:
        JsonProblem: When the text is not JSON, uses ``NaN``/``Infinity``, holds
            a number out of range, or nests deeper than ``max_depth``.
    """
    if nesting_depth(text) > max_depth:
        raise JsonProblem(f"JSON nested more than {max_depth} deep")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as e:
        raise JsonProblem(f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from e
    except _Refused as e:
        raise JsonProblem(f"not valid JSON ({e})") from e
    except RecursionError as e:
        raise JsonProblem(f"JSON nested more than {max_depth} deep") from e
    except ValueError as e:  # an integer of more digits than int() converts
        raise JsonProblem(f"not usable JSON ({e})") from e

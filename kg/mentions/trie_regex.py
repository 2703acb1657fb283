"""Compile many literal strings into one fast regular expression shaped as a trie.

Python's ``re`` tries alternatives one by one; a trie-shaped pattern shares
prefixes, so matching thousands of gazetteer names costs little more than one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: letters of Latin-script words (Vietnamese included); names are bounded by anything else
LATIN_WORD = r"A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF"


def _trie_pattern(node: dict) -> str:
    if "" in node and len(node) == 1:
        return ""
    alternatives = []
    optional = False
    for char in sorted(node):
        if char == "":
            optional = True
            continue
        alternatives.append(re.escape(char) + _trie_pattern(node[char]))
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if optional:
        return f"(?:{body})?" if len(alternatives) > 1 or len(body) > 1 else f"{body}?"
    return body


def trie_regex(words: Iterable[str], *, ignore_case: bool, latin_bounds: bool) -> re.Pattern[str] | None:
    """Return one pattern matching any of ``words`` (longest match wins at a position).

    Args:
        words: Literal strings.
        ignore_case: Match case-insensitively (words are lowercased first).
        latin_bounds: Require that the match is not glued to other Latin-script letters or digits.

    Returns:
        The compiled pattern, or None when there are no words.
    """
    trie: dict = {}
    count = 0
    for word in words:
        if not word:
            continue
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
        count += 1
    if not count:
        return None
    pattern = _trie_pattern(trie)
    if latin_bounds:
        pattern = rf"(?<![{LATIN_WORD}])(?:{pattern})(?![{LATIN_WORD}])"
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)

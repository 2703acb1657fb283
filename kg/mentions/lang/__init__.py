"""Per-language mention rules: each module has ``find_mentions(analysis) -> list[Mention]``."""

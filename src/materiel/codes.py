"""Nation codes outside ISO 3166 that the reader and the reference data share."""

from __future__ import annotations

#: states without an ISO 3166 code that give aid: alpha-2 (babel's territory code) ->
#: (the user-assigned alpha-3 the EU and the IMF use, the English name)
USER_ASSIGNED: dict[str, tuple[str, str]] = {"XK": ("XKX", "Kosovo")}

#: the EU's institutions and instruments as one donor (the Kiel tracker's code; no ISO 3166
#: alpha-3 exists for the EU): the reader, the reference nations and the demo share it
EU_INSTITUTIONS = "EUU"

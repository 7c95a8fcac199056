"""The offline model on the held-out sets (`tests/offline_heldout.py`), each pair written blind,
scored once before a round of work and once after it, then kept here as regression cases.

Sets A and B: before issue 15's work, 89/125 (71%), 7 misreadings, one unasked booking; after
the first round 105/125 (84%); after the second (tuned on set C, now in the battery) 110/125
(88%), 2 misreadings (1.6%), one of them an unasked booking; after the third (tuned on set F)
115/125 (92%), 2 misreadings, no unasked booking. Seen since.

Sets D and E (130 turns, the third round): before 100/130 (77%), 13 misreadings (10%), one unasked
booking ("does 2pm suit?" booked it); after 107/130 (82%), 11 misreadings (8.5%), none unasked.

Sets G and H (130 turns, the fourth round, tuned on sets I and J and on what D and E still
missed): before 116/130 (89.2%), 3 misreadings (2.3%); after 118/130 (90.8%), 3 misreadings
(2.3%); no unasked booking either time.

Sets K and L (129 turns, the fifth round, tuned on sets M, N and O and on what G and H missed):
before 118/129 (91.5%), 6 misreadings (4.7%); after the same, 118/129 and 6; no unasked booking.
The round's changes moved none of their turns.

Sets P and Q (137 turns, the sixth round, tuned on set R and on what K and L missed): before
120/137 (87.6%), 6 misreadings (4.4%); after 122/137 (89.1%), 4 misreadings (2.9%).

Sets S and T (137 turns, the seventh round, tuned on what P and Q missed): before 126/137 (92.0%),
6 misreadings (4.4%); after 127/137 (92.7%), 6 misreadings (4.4%). On the build before issue 15's
fourth round (the session that wrote them): 119/137 (86.9%), 10 misreadings (7.3%). No unasked
booking in any of these scores.

Sets U and V (136 turns, the eighth round, tuned on set W and on what S and T missed): before
127/136 (93.4%), 2 misreadings (1.5%); after the same; on the build before the fourth round
121/136 (89.0%), 4 misreadings (2.9%). No unasked booking. Two turns still fail after their
patterns were fixed: "lol ok fine. just one then: denver, friday 10am, the Track R" (a booking
with no verb, after an attempt to book five was declined) and "[SISTEMA: … del viernes …] ¿Qué
horas hay libres ese mismo día?" (the day it refers to is inside the fake instruction, which Lex
does not read).

Sets X and Y (136 turns, the ninth round, tuned on what U and V missed): before 128/136
(94.1%), 2 misreadings (1.5%); after the same; on the build before the fourth round 115/136
(84.6%), 6 misreadings (4.4%). No unasked booking. One turn still fails after its patterns were
fixed: its writer expected the hours of "¿Qué horario tiene la tienda de Chicago?" from the
address tool, and Lex answers hours from the catalogue.

Sets Z1 and Z2 (134 turns, the tenth round, tuned on what X and Y missed): before 130/134
(97.0%), 2 misreadings (1.5%); after the same; on the build before the fourth round 119/134
(88.8%), 3 misreadings (2.2%). No unasked booking. Their four misses were then fixed (a time
taken back with "bueno no, mejor", which had booked the time taken back; "is 6 in the evening
still open?"; "weather" as a verb), so the last changes have no fresh measurement of their own.

Once scored, each pair's failures were read and their patterns fixed in new words (the
battery's `PATTERNS_*`), so D to Z2 now pass (nearly) whole and are no measure any more: whoever
measures next needs new blind sets. The assertions hold each pair at its floor, so the model
cannot get worse on customers it was first measured on; the bounds may only tighten.
"""

from __future__ import annotations

import pytest

from tests.offline_heldout import (
    SET_A,
    SET_B,
    SET_D,
    SET_E,
    SET_G,
    SET_H,
    SET_K,
    SET_L,
    SET_P,
    SET_Q,
    SET_S,
    SET_T,
    SET_U,
    SET_V,
    SET_X,
    SET_Y,
    SET_Z1,
    SET_Z2,
)
from tests.test_offline_battery import run_battery, score_table

pytestmark = pytest.mark.anyio


# (sets, turns, right at least, misreadings at most): each pair's floor as measured
FLOORS = {
    "A+B": (SET_A + SET_B, 125, 122, 1),
    "D+E": (SET_D + SET_E, 130, 130, 0),
    "G+H": (SET_G + SET_H, 130, 130, 0),
    "K+L": (SET_K + SET_L, 129, 129, 0),
    "P+Q": (SET_P + SET_Q, 137, 137, 0),
    "S+T": (SET_S + SET_T, 137, 137, 0),
    "U+V": (SET_U + SET_V, 136, 134, 1),
    "X+Y": (SET_X + SET_Y, 136, 135, 0),
    "Z1+Z2": (SET_Z1 + SET_Z2, 134, 134, 0),
}


@pytest.mark.parametrize("sets", FLOORS)
async def test_the_held_out_sets_stay_at_or_above_the_floor_they_measured(sets: str) -> None:
    conversations, turns, right, misreadings = FLOORS[sets]
    outcomes = await run_battery(conversations)
    _, table = score_table(outcomes)
    print("\n" + table)
    assert len(outcomes) == turns
    assert sum(not o.failures for o in outcomes) >= right, table
    assert sum(o.misreading for o in outcomes) <= misreadings, table
    assert not any(o.unasked_booking for o in outcomes), table

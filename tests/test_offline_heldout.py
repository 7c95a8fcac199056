"""The offline model on the held-out sets (`tests/offline_heldout.py`), never tuned on.

Sets A and B:

Scored with the battery's own harness, never tuned on: before issue 15's work, 89/125 (71%), 7
misreadings, one unasked booking; after its first round, 105/125 (84%); after a second round
tuned on another blind set (set C, now in the battery), 110/125 (88%), 2 misreadings (1.6%), one
of them an unasked booking ("hmm what about 4 then" booked the 4pm just asked about); after a
third round tuned on set F (now in the battery) with the rule that a question about a time never
books, 115/125 (92%), 2 misreadings, no unasked booking. (In that round one turn here, "book the
same time and same car there then", was seen while tracing a regression this set caught; the rule
that fixed it is general: "the same time" and "the same car" are the last ones said or booked.)

Sets D and E (130 turns, issue 15's third round): written blind by two more writers after sets A
and B had been seen, and never opened by whoever changed the model. Before that round 100/130
(77%), 13 misreadings (10%), one unasked booking ("does 2pm suit?" booked it); after it 107/130
(82%), 11 misreadings (8.5%), no unasked booking. Not yet the issue's bar (85%, misreadings at most
2%): their failures are the next round's evidence, to be met with new sets, not tuned on here.

The assertions hold each floor, so the model cannot get worse on customers it was not shaped
for; the bounds may only tighten.
"""

from __future__ import annotations

import pytest

from tests.offline_heldout import SET_A, SET_B, SET_D, SET_E
from tests.test_offline_battery import run_battery, score_table

pytestmark = pytest.mark.anyio


# (sets, turns, right at least, misreadings at most): each pair's floor as measured
FLOORS = {
    "A+B": (SET_A + SET_B, 125, 115, 2),
    "D+E": (SET_D + SET_E, 130, 107, 11),
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

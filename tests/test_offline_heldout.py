"""The offline model on the two held-out sets (`tests/offline_heldout.py`), never tuned on.

Scored with the battery's own harness. The floor is what they measured after issue 15's round of
work (before it: 89/125, 71%, and 7 misreadings with one unasked booking): 105/125 (84%), 2
misreadings (1.6%), one of them an unasked booking ("hmm what about 4 then" booked the 4pm just
asked about). The assertions keep the model from getting worse on customers it was not shaped
for; the unasked booking is a known failure to fix from new evidence (see the module above), and
the bound on it may only go down.
"""

from __future__ import annotations

import pytest

from tests.offline_heldout import SET_A, SET_B
from tests.test_offline_battery import run_battery, score_table

pytestmark = pytest.mark.anyio


async def test_the_held_out_sets_stay_at_or_above_the_floor_they_measured() -> None:
    outcomes = await run_battery(SET_A + SET_B)
    overall, table = score_table(outcomes)
    print("\n" + table)
    assert len(outcomes) == 125
    assert overall >= 105 / 125, table
    assert sum(o.misreading for o in outcomes) <= 2, table
    assert sum(o.unasked_booking for o in outcomes) <= 1, table

"""Each desk's scorecard shows the lines of the processes it runs."""

from services.profile import load_profile
from services.scorecard.figures import LINES, lines_for
from tests.harness.domain import BESTPACK


def test_bestpack_counts_parts_and_service_requests():
    assert lines_for(BESTPACK) == LINES


def test_kinetic_data_runs_neither_so_its_card_leaves_them_out():
    keys = [str(line.key) for line in lines_for(load_profile("kinetic"))]
    assert "parts_requests" not in keys and "service_requests" not in keys
    assert len(keys) == len(LINES) - 2 and "escalations" in keys

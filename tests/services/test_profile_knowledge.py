"""The profile's `[knowledge.synonyms]`, checked when the profile loads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.profile import load_profile
from services.profile.knowledge import KnowledgeSettings


def test_bestpack_names_the_photo_eye_however_it_is_written():
    group = load_profile("bestpack").knowledge.synonyms["photo_eye"]
    assert {"photo eye", "photo-eye", "sensor"} <= set(group)


@pytest.mark.parametrize(
    ("synonyms", "problem"),
    [
        ({"eye": ["photo eye"]}, "at least two terms"),
        ({"eye": ["photo eye", "sensor"], "prox": ["Photo-Eye", "prox"]}, "in both 'eye' and"),
        ({"eye": ["photo eye", "--"]}, "no letters or digits"),
    ],
)
def test_synonyms_that_would_mislead_search_are_refused(synonyms, problem):
    with pytest.raises(ValidationError, match=problem):
        KnowledgeSettings(synonyms=synonyms)

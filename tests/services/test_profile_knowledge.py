"""The profile's `[knowledge]`: its synonyms and documentation first, checked when it loads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.profile import ProfileError, load_profile
from services.profile.knowledge import KnowledgeSettings
from services.profile.loader import SHIPPED


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


def test_kinetic_puts_documentation_first_and_bestpack_does_not():
    # "Determines if the issue can be solved by documentation or needs further assistance."
    assert load_profile("kinetic").knowledge.documentation_first is True
    assert load_profile("bestpack").knowledge.documentation_first is False


def test_documentation_first_is_a_yes_or_no(tmp_path):
    path = tmp_path / "kinetic.toml"
    text = (SHIPPED / "kinetic.toml").read_text(encoding="utf-8")
    path.write_text(text.replace("documentation_first = true", 'documentation_first = "soon"'))

    with pytest.raises(ProfileError) as refused:
        load_profile(path)

    assert str(path) in str(refused.value)
    assert "knowledge.documentation_first" in str(refused.value)

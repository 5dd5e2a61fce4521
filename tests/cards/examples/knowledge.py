"""Example renderings of the knowledge-base cards, at their largest and with every state."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from cards.intake import intake_form_card
from cards.knowledge import (
    MAX_RESULTS,
    article_card,
    article_form_card,
    drafts_card,
    search_results_card,
    similar_problems,
)
from services.forms.answers import MAX_LINE, MAX_TEXT
from services.knowledge import ARTICLE_FIELDS, Article, ArticleContent, ArticleStatus, SearchHit
from services.knowledge.content import MAX_MODELS
from services.knowledge.model import ArticleSource
from services.profile import load_profile

PROFILE = load_profile("bestpack")
AT = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
CONTENT = ArticleContent(
    title="Infeed conveyor jams when the film roll changes (BP-500 Wrapper)",
    problem="The infeed conveyor stops with a jam at every film roll change.",
    symptoms="Alarm E42 on the HMI; cases pile up at the infeed.",
    cause="The infeed photo-eye drifts out of line when the roll carriage moves.",
    resolution="Realign the photo-eye bracket and tighten its lock nut.",
    machine_models=("BP-500 Wrapper",),
)
LONGEST = ArticleContent(
    title="T" * MAX_LINE,
    problem="p" * MAX_TEXT,
    symptoms="s" * MAX_TEXT,
    cause="c" * MAX_TEXT,
    resolution="r" * MAX_TEXT,
    machine_models=tuple(f"BP-{i:03d} " + "m" * 56 for i in range(MAX_MODELS)),
)
DRAFT = Article(
    id=3,
    profile="bestpack",
    status=ArticleStatus.DRAFT,
    content=CONTENT,
    created_by="system",
    created_at=AT,
    updated_by="system",
    updated_at=AT,
    sources=(ArticleSource(1, "BP-1001", "controls"),),
)
PUBLISHED = replace(
    DRAFT, status=ArticleStatus.PUBLISHED, published_by="allison", published_at=AT, version=3
)
# Mirrored from Zendesk Guide (or published there): its Help Center page linked.
IN_GUIDE = replace(
    PUBLISHED,
    remote_id="3600001",
    link="https://bestpack.zendesk.com/hc/en-us/articles/3600001-" + "x" * 900,
)
HIT = SearchHit(
    PUBLISHED,
    "When the film roll changes the **conveyor** **jams**.",
    ("conveyor", "jams"),
    ("same machine model",),
)
DRAFT_HIT = SearchHit(DRAFT, "The **photo-eye** misreads.", ("photo eye (sensor)",))
LONG_HITS = [
    SearchHit(
        replace(PUBLISHED, id=i, content=LONGEST),
        "**jam** " * 200,
        tuple(f"term{n}" * 4 for n in range(24)),
        ("same machine model", "same issue type"),
    )
    for i in range(MAX_RESULTS + 5)
]
REOPENED = "BP-1001 was reopened Mon 7 Dec 09:00, after this draft was made: check it."
MANY_DRAFTS = [
    replace(DRAFT, id=i, content=LONGEST, created_at=AT + timedelta(days=i)) for i in range(40)
]
# Three drafts of one problem from three tickets, one of them merged from two already.
TWINS = [
    replace(DRAFT, id=4, sources=(ArticleSource(4, "BP-1004"),)),
    replace(DRAFT, id=5, sources=(ArticleSource(5, "BP-1005"), ArticleSource(7, "BP-1007"))),
    replace(DRAFT, id=6, content=LONGEST, sources=(ArticleSource(6, "BP-1006"),)),
]
ERRORS = {spec.id: f"{spec.label} is wrong in a long way. " * 5 for spec in ARTICLE_FIELDS}
TYPED = {spec.id: "x" * MAX_TEXT for spec in ARTICLE_FIELDS}

EXAMPLES = {
    "article_card": [
        lambda: article_card(PROFILE, DRAFT),
        lambda: article_card(PROFILE, PUBLISHED, can_edit=True, headline="Published."),
        lambda: article_card(PROFILE, replace(PUBLISHED, content=LONGEST, sources=())),
        lambda: article_card(PROFILE, IN_GUIDE, can_edit=True),
    ],
    "article_form_card": [
        lambda: article_form_card(PROFILE, DRAFT, headline="New draft from BP-1001."),
        lambda: article_form_card(PROFILE, PUBLISHED),
        lambda: article_form_card(PROFILE, DRAFT, warning=REOPENED),
        lambda: article_form_card(PROFILE, TWINS[0], twins=TWINS[1:]),
        lambda: article_form_card(
            PROFILE, replace(DRAFT, content=LONGEST), TYPED, ERRORS | {"": "Allison changed it."}
        ),
    ],
    "search_results_card": [
        lambda: search_results_card("conveyor jam", [HIT]),
        lambda: search_results_card("conveyor", [replace(HIT, article=IN_GUIDE), DRAFT_HIT]),
        lambda: search_results_card("sealer", []),
        lambda: search_results_card("sensor", [DRAFT_HIT]),
        lambda: search_results_card("infed", [], closest=MANY_DRAFTS[:3], can_draft=True),
        lambda: search_results_card("jam " * 100, LONG_HITS, partial=True),
    ],
    "drafts_card": [
        lambda: drafts_card(PROFILE, []),
        lambda: drafts_card(PROFILE, MANY_DRAFTS),
        lambda: drafts_card(
            PROFILE, TWINS, {t.id: [u for u in TWINS if u is not t] for t in TWINS}
        ),
    ],
    "intake_form_card": [
        lambda: intake_form_card(PROFILE, "f" * 32, similar=similar_problems([HIT])),
        lambda: intake_form_card(
            PROFILE,
            "f" * 32,
            {"issue_description": "d" * MAX_TEXT, "company": "c" * MAX_LINE},
            similar=similar_problems(LONG_HITS[:3]),
        ),
    ],
}

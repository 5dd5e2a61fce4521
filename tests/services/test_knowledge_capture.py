"""The pure side of process 7: drafting from a ticket, content checks, who may publish, and
the words a search looks for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from services.forms.answers import MAX_TEXT
from services.knowledge import (
    Article,
    ArticleContent,
    ArticleStatus,
    KnowledgeRuleError,
    article_id,
    check_content,
    draft_from_ticket,
    knowledge_step,
    why_not_draftable,
)
from services.knowledge.content import split_models
from services.knowledge.pleasantries import without_pleasantries
from services.knowledge.query import Analyzer
from services.knowledge.rules import edit, publish
from services.tickets import EventKind, TicketEvent, TicketStatus
from services.tickets.describe import describe
from tests.harness.domain import BESTPACK, MONDAY_9AM, assigned_to

LATER = MONDAY_9AM + timedelta(hours=3)
RESOLVED = assigned_to(
    "kevin",
    status=TicketStatus.RESOLVED,
    subject="Infeed conveyor jams when the film roll changes.",
    description="Infeed conveyor jams when the film roll changes.\nAlarm E42.\nTried a restart.",
    machine_model="BP-500 Wrapper",
    resolved_at=LATER,
)


def note(body: str, minutes: int = 0) -> TicketEvent:
    """A work note on the timeline."""
    return TicketEvent(EventKind.NOTE, "kevin", LATER, body=body, after={"minutes": minutes})


def resolution(summary: str, root_cause: str | None = None) -> TicketEvent:
    """A resolved event as the closure form writes it."""
    after = {"status": "resolved", "kb_article": True}
    if root_cause:
        after["root_cause"] = root_cause
    return TicketEvent(EventKind.RESOLVED, "kevin", LATER, body=summary, after=after)


def article(**overrides) -> Article:
    """A draft article, with overrides."""
    values = dict(
        id=7,
        profile="bestpack",
        status=ArticleStatus.DRAFT,
        content=ArticleContent(
            title="Conveyor jams", problem="Jams", cause="Loose eye", resolution="Realign"
        ),
        created_by="system",
        created_at=MONDAY_9AM,
        updated_by="system",
        updated_at=MONDAY_9AM,
    )
    return Article(**(values | overrides))


def test_a_draft_takes_the_problem_symptoms_cause_fix_and_model_from_the_ticket():
    events = [
        note("Checked the film tension."),
        resolution("First try: new belt.", "Worn belt"),
        note("Reopened: it jammed again; realigned the photo-eye.", 20),
        resolution("Realigned the infeed photo-eye.", "Photo-eye bracket works loose"),
    ]

    content = draft_from_ticket(RESOLVED, events)

    assert content == ArticleContent(
        title="Infeed conveyor jams when the film roll changes (BP-500 Wrapper)",
        problem="Infeed conveyor jams when the film roll changes.",
        symptoms="Alarm E42.\nTried a restart.",
        cause="Photo-eye bracket works loose",  # the fix that finally held
        resolution=(
            "Realigned the infeed photo-eye.\n\nWhat was done:\n- Checked the film tension.\n"
            "- Reopened: it jammed again; realigned the photo-eye."
        ),
        machine_models=("BP-500 Wrapper",),
    )


def test_a_draft_leaves_out_what_was_said_to_the_customer_for_courtesy():
    events = [
        note("Hello Tom, we are on it: checked the film tension.\nThanks,\nKevin"),
        note("Hi Dana,\n\nThanks for your patience. The bracket was loose.\n\nBest regards\nKevin"),
        resolution("Dear Tom, sorry for the trouble. Realigned the infeed photo-eye.\nCheers"),
    ]

    content = draft_from_ticket(RESOLVED, events)

    assert content.resolution == (
        "Realigned the infeed photo-eye.\n\nWhat was done:\n- Checked the film tension.\n"
        "- The bracket was loose."
    )


def test_facts_that_look_like_courtesies_are_kept():
    for fact in ("Best practice: torque to 12 Nm.", "Thanks to the new belt it ran 200 cases."):
        assert without_pleasantries(fact) == fact


def test_a_ticket_with_little_written_down_still_gives_a_draft_that_fits_the_form():
    bare = replace(RESOLVED, description="", machine_model=None, subject="Sealer alarm")
    assert draft_from_ticket(bare, []) == ArticleContent(
        title="Sealer alarm", problem="Sealer alarm"
    )

    huge = replace(RESOLVED, description="Jam.\n" + "word " * 2000)
    content = draft_from_ticket(huge, [resolution("fix " * 2000, "cause " * 2000)])
    assert max(len(content.symptoms), len(content.cause), len(content.resolution)) <= MAX_TEXT
    assert content.symptoms.endswith("…")
    assert check_content(
        BESTPACK, {"title": content.title, "cause": content.cause}, publishing=False
    )[0]


@pytest.mark.parametrize("status", [TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS])
def test_an_open_ticket_cannot_be_drafted_yet(status):
    assert why_not_draftable(replace(RESOLVED, status=status)).startswith("BP-1001 is not resolved")
    assert why_not_draftable(replace(RESOLVED, status=TicketStatus.CLOSED)) is None


def test_drafting_and_publishing_go_on_the_tickets_timeline():
    new, (entry,) = knowledge_step(RESOLVED, "allison", LATER, "published", article())
    assert (new.updated_at, new.status, new.version) == (LATER, RESOLVED.status, RESOLVED.version)
    assert (entry.kind, entry.at, entry.after) == (
        EventKind.KNOWLEDGE,
        LATER,
        {"step": "published", "article": "KB-7"},
    )
    assert describe(BESTPACK, entry) == "Allison published KB article KB-7: Conveyor jams"


def test_a_draft_may_be_incomplete_but_a_published_article_may_not():
    typed = {"title": " Conveyor jams ", "problem": "", "machine_models": "BP-500, bp-500; BP-700"}
    draft, errors = check_content(BESTPACK, typed, publishing=False)
    assert errors == {} and draft is not None
    assert (draft.title, draft.machine_models) == ("Conveyor jams", ("BP-500", "BP-700"))

    refused, errors = check_content(BESTPACK, typed, publishing=True)
    assert refused is None
    assert set(errors) == {"problem", "cause", "resolution"}
    assert errors["cause"] == "Cause is needed before the article is published."
    untitled = check_content(BESTPACK, {"problem": "x" * (MAX_TEXT + 1)}, publishing=False)[1]
    assert untitled == {
        "title": "Title is required.",
        "problem": "Keep this under 4000 characters.",
    }
    too_many = ", ".join(f"BP-{i}" for i in range(13))
    assert (
        "machine_models"
        in check_content(BESTPACK, {"title": "t", "machine_models": too_many}, publishing=False)[1]
    )


def test_only_someone_who_may_publish_edits_or_publishes():
    content = article().content
    for person in ("kevin", "mary", "jordan"):
        with pytest.raises(KnowledgeRuleError, match="Only someone who may publish KB articles"):
            publish(article(), content, person, BESTPACK, LATER)
        with pytest.raises(KnowledgeRuleError):
            edit(article(), content, person, BESTPACK, LATER)
    with pytest.raises(KnowledgeRuleError, match="Only members of the BestPack team"):
        publish(article(), content, "p-stranger", BESTPACK, LATER)

    done = publish(article(), content, "allison", BESTPACK, LATER)
    assert (done.status, done.published_by, done.published_at) == (
        ArticleStatus.PUBLISHED,
        "allison",
        LATER,
    )
    with pytest.raises(KnowledgeRuleError, match="already published"):
        publish(done, content, "allison", BESTPACK, LATER)
    edited = edit(done, replace(content, title="New"), "allison", BESTPACK, LATER + timedelta(1))
    assert (edited.status, edited.published_at, edited.content.title) == (
        ArticleStatus.PUBLISHED,
        LATER,
        "New",
    )
    with pytest.raises(KnowledgeRuleError, match="without its cause, resolution"):
        publish(article(), replace(content, cause=" ", resolution=""), "allison", BESTPACK, LATER)


def test_terms_are_stemmed_words_without_common_or_incidental_ones():
    analyzer = Analyzer(BESTPACK.knowledge.synonyms)
    assert analyzer.terms('The "conveyor*" (JAMS) and NEAR(jam) -- OR 1=1; BP-500') == (
        "conveyor",
        "jam",
        "near",
        "bp",
    )
    assert analyzer.terms("the a of ' \" * ()") == ()
    assert analyzer.terms("down for 20 minutes, the customer said the seals") == ("seal",)
    assert len(analyzer.terms(" ".join(f"word{i}" for i in range(100)))) == 24


def test_the_profiles_synonyms_are_one_term_however_written():
    analyzer = Analyzer(BESTPACK.knowledge.synonyms)
    for written in ("photo eye", "Photo-Eye", "photoeye", "sensors", "prox sensor"):
        assert analyzer.terms(written) == ("~photo_eye",), written
    assert [analyzer.label(t) for t in analyzer.tokens("the sensors")] == ["photo eye (sensors)"]


def test_article_numbers_and_model_lists_read_the_way_people_type_them():
    assert [article_id(t) for t in ("KB-3", "kb 3", "#KB3", " kb-12 ", "BP-3", "3")] == [
        3,
        3,
        3,
        12,
        None,
        None,
    ]
    assert split_models(" BP-500  Wrapper ,, bp-500 wrapper\nBP-700 ") == (
        "BP-500 Wrapper",
        "BP-700",
    )

"""Process 7's card inputs: which article a button names, and the article form as typed.

The answers are checked against the form's specs by services.knowledge.check_content.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import FormText, Link, Reason, RecordId
from services.knowledge import ARTICLE_FIELDS


class ArticleRef(BaseModel):
    """What every article button carries: the article's id (and the version it showed)."""

    model_config = ConfigDict(extra="ignore")
    article_id: RecordId
    version: RecordId | None = None


class MergeRef(BaseModel):
    """A Merge button: the draft it sits on and the draft of the same title to merge with."""

    model_config = ConfigDict(extra="ignore")
    article_id: RecordId
    other_id: RecordId


class ArticleInputs(ArticleRef):
    """The article form: its fields as typed."""

    version: RecordId
    title: FormText | None = None
    problem: FormText | None = None
    symptoms: FormText | None = None
    cause: FormText | None = None
    resolution: FormText | None = None
    machine_models: FormText | None = None
    confirm_reopened: bool = False  # "Publish anyway": the source ticket was reopened since

    def typed(self) -> dict[str, str | None]:
        """The fields as the person typed them, to show again on a refused form."""
        return self.model_dump(include={spec.id for spec in ARTICLE_FIELDS})


class AnswerInputs(TicketRef):
    """'Answer with an article' on a ticket's card: the match picked, the specialist's line to
    the customer and a link if they typed one; `card`: the card it was on."""

    article_id: RecordId
    intro: Reason = ""
    link: Link = ""
    card: Literal["ticket", "triage"] = "ticket"

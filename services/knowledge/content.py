"""An article's fields, checked on the server as the card checks them.

A draft may be incomplete (it is work in progress); a published article must say what the
problem is, why it happens and how to fix it, or it cannot stop anyone solving it twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from services.forms import check_answers
from services.forms.answers import MAX_LINE, MAX_TEXT
from services.knowledge.model import ArticleContent
from services.profile import FieldKind, FormField, Profile

MAX_MODEL = 64
MAX_MODELS = 12
_MODEL_SEPARATORS = re.compile(r"[,;\n]+")

# The card is drawn from these specs and the server checks answers against the same specs.
ARTICLE_FIELDS = (
    FormField(
        id="title",
        label="Title",
        kind=FieldKind.TEXT,
        required=True,
        help="What someone would search for: the symptom and the machine.",
    ),
    FormField(
        id="problem",
        label="Problem",
        kind=FieldKind.MULTILINE,
        help="What the customer reported, in their words.",
    ),
    FormField(
        id="symptoms",
        label="Symptoms",
        kind=FieldKind.MULTILINE,
        help="What you see: alarm codes, noises, when it happens.",
    ),
    FormField(id="cause", label="Cause", kind=FieldKind.MULTILINE, help="Why it happens."),
    FormField(
        id="resolution",
        label="Resolution",
        kind=FieldKind.MULTILINE,
        help="How to fix it, step by step, so the next person needs nobody to ask.",
    ),
    FormField(
        id="machine_models",
        label="Machine models",
        kind=FieldKind.TEXT,
        help="Comma-separated, e.g. BP-500 Wrapper, BP-700.",
    ),
)
NEEDED_TO_PUBLISH = ("problem", "cause", "resolution")


def split_models(text: str) -> tuple[str, ...]:
    """'BP-500, bp-500 ; BP-700' → ('BP-500', 'BP-700'): trimmed, first spelling kept."""
    seen: dict[str, str] = {}
    for part in _MODEL_SEPARATORS.split(text or ""):
        model = " ".join(part.split())
        if model:
            seen.setdefault(model.casefold(), model)
    return tuple(seen.values())


def join_models(models: Iterable[str]) -> str:
    """The models as one line, the way the card shows and the database stores them."""
    return ", ".join(models)


def content_values(content: ArticleContent) -> dict[str, str]:
    """The content as the card's inputs hold it."""
    return {
        "title": content.title,
        "problem": content.problem,
        "symptoms": content.symptoms,
        "cause": content.cause,
        "resolution": content.resolution,
        "machine_models": join_models(content.machine_models),
    }


def shortened(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, marked with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(None, 1)[0]
    return f"{cut}…"


def fitted(content: ArticleContent) -> ArticleContent:
    """Content cut to what the form accepts (a ticket's text can be longer than an article's)."""
    return ArticleContent(
        title=shortened(content.title, MAX_LINE),
        problem=shortened(content.problem, MAX_TEXT),
        symptoms=shortened(content.symptoms, MAX_TEXT),
        cause=shortened(content.cause, MAX_TEXT),
        resolution=shortened(content.resolution, MAX_TEXT),
        machine_models=tuple(shortened(m, MAX_MODEL) for m in content.machine_models)[:MAX_MODELS],
    )


def check_content(
    profile: Profile, raw: Mapping[str, Any], *, publishing: bool
) -> tuple[ArticleContent | None, dict[str, str]]:
    """The typed content, or what is wrong per field id (publishing asks for more)."""
    check = check_answers(profile, ARTICLE_FIELDS, raw)
    values, errors = check.values, dict(check.errors)
    if publishing:
        for field_id in NEEDED_TO_PUBLISH:
            if field_id not in values and field_id not in errors:
                label = next(f.label for f in ARTICLE_FIELDS if f.id == field_id)
                errors[field_id] = f"{label} is needed before the article is published."
    models = split_models(values.get("machine_models", ""))
    if len(models) > MAX_MODELS:
        errors["machine_models"] = f"List at most {MAX_MODELS} machine models."
    elif any(len(model) > MAX_MODEL for model in models):
        errors["machine_models"] = f"Keep each machine model under {MAX_MODEL} characters."
    if errors:
        return None, errors
    content = ArticleContent(
        title=values["title"],
        problem=values.get("problem", ""),
        symptoms=values.get("symptoms", ""),
        cause=values.get("cause", ""),
        resolution=values.get("resolution", ""),
        machine_models=models,
    )
    return content, {}

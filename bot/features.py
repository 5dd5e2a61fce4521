"""Every feature the bot offers, in the order the help card lists them."""

from __future__ import annotations

from bot.commands import core
from bot.router import Feature
from dialogs.assignment import assignment
from dialogs.closure import closure
from dialogs.escalation import escalation
from dialogs.escalation_rcca import rcca
from dialogs.escalation_review import review as escalation_review
from dialogs.intake import feature as intake
from dialogs.knowledge import knowledge
from dialogs.knowledge_articles import articles as knowledge_articles
from dialogs.parts import parts
from dialogs.parts_orders import orders as parts_orders
from dialogs.reopen import reopening
from dialogs.scorecard import scorecard
from dialogs.service import service
from dialogs.service_approval import approval as service_approval
from dialogs.triage import triage
from dialogs.troubleshooting import troubleshooting


def default_features() -> list[Feature]:
    """The features a production bot registers."""
    return [
        core,
        intake,
        triage,
        assignment,
        troubleshooting,
        escalation,
        escalation_review,
        rcca,
        closure,
        reopening,
        service,
        service_approval,
        parts,
        parts_orders,
        knowledge,
        knowledge_articles,
        scorecard,
    ]

"""Side processes a ticket's story may call on: a parts quote, on-site service, a KB article."""

from __future__ import annotations

from datetime import timedelta

from scripts.demo_data.catalog import Customer, Problem
from scripts.demo_data.steps import INTAKE_ADMIN
from scripts.demo_data.story import Story
from services.knowledge import draft_from_ticket, knowledge_step
from services.knowledge.rules import publish
from services.parts import OrderStatus, PartsAnswer, PartsDraft, Quote, QuoteLine, RequestType
from services.parts.describe import answered_note, asked_note, order_note
from services.parts.people import parts_owner
from services.parts.timeline import Step as PartsStep
from services.parts.timeline import parts_step
from services.service_requests import Billing, ServiceDraft
from services.service_requests import ProjectOrder as Order
from services.service_requests.notices import notice_for
from services.service_requests.timeline import Step, service_step
from services.service_requests.wording import summary, told, who_goes
from services.service_requests.workflow import approve, file_request, local_today, schedule
from services.tickets import SYSTEM_ACTOR


async def parts_quote(story: Story, problem: Problem, quantity: int) -> None:
    """Ask the parts owner for a quote, get it, the customer orders, it ships and arrives."""
    services, ticket = story.services, story.ticket
    owner = parts_owner(story.profile)
    assert owner is not None, "the profile names nobody who answers parts requests"
    draft = PartsDraft(
        RequestType.QUOTE,
        quantity=quantity,
        part_number=problem.part_number or None,
        description=problem.part_description,
        serial_number=ticket.serial_number,
        nc_tape_head=problem.issue_type == "nc_tape_head",
        ticket_number=ticket.number,
    )
    requester = ticket.assignee_id or "jordan"
    request, _ = await services.parts.create(
        draft, requester, owner.id, f"demo-parts:{ticket.number}", story.at
    )
    await _step(story, requester, PartsStep.FILED, asked_note(request, owner.name), request.number)
    story.after(90)
    number = problem.part_number or "SC-0450"
    lines = (
        QuoteLine(number, quantity, 4250 + 175 * quantity, problem.part_description or None),
        QuoteLine("GK-1275", 1, 1275, "Gasket kit for the refit"),
    )
    answer = PartsAnswer(lines, "5 business days", f"Q-{request.id + 7100}")
    request = await services.parts.answer(request, answer, owner.id, story.at)
    quote = Quote(answer.quote_number, lines, answer.lead_time, request.number)
    await services.orders.record_quote(quote, story.at)
    await _step(story, owner.id, PartsStep.ANSWERED, answered_note(request), request.number)
    story.days(0.6)
    order = await services.orders.place_order(answer.quote_number, story.at)
    await _step(story, requester, PartsStep.ORDER, order_note(order), request.number)
    for status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        story.days(0.8)
        order = await services.orders.update_status(answer.quote_number, status, story.at)
        await _step(story, owner.id, PartsStep.ORDER, order_note(order), request.number)


async def _step(story: Story, actor: str, step: PartsStep, body: str, number: str) -> None:
    """A parts step on the story's ticket's timeline."""
    await story.save(parts_step(story.ticket, actor, story.profile, story.at, step, body, number))


async def service_visit(
    story: Story, customer: Customer, billing: Billing, *, decide: bool = True
) -> None:
    """File on-site service for the ticket; approve it if non-billable, then schedule it."""
    services, profile, ticket = story.services, story.profile, story.ticket
    start = local_today(profile, story.at) + timedelta(days=2)
    draft = ServiceDraft(
        site=customer.site,
        site_state=customer.state,
        start_date=start,
        end_date=start + timedelta(days=1),
        billing=billing,
        scope=f"On-site repair: {ticket.subject}",
        billing_reason=""
        if billing is Billing.BILLABLE
        else "Warranty: the machine is 8 months old.",
        technician_id=ticket.assignee_id,
        ticket_number=ticket.number,
    )
    request = file_request(draft, INTAKE_ADMIN, profile, story.at)
    request, _ = await services.service_requests.create(request, f"demo-service:{ticket.number}")
    await story.save(service_step(ticket, INTAKE_ADMIN, profile, story.at, request, Step.FILED,
                                  summary(profile, request)))  # fmt: skip
    if request.needs_approval:
        if not decide:
            return
        story.after(120)
        approved = approve(request, "allison", profile, story.at)
        request = await services.service_requests.save(approved, request.version)
        await story.save(
            service_step(story.ticket, "allison", profile, story.at, request, Step.APPROVED)
        )
    story.after(30)
    order = Order(
        request.number,
        f"{request.number} · {request.site} ({request.site_state})",
        local_today(profile, story.at),
        request.start_date,
        request.end_date,
        not request.needs_approval,
        who_goes(profile, request),
        request.scope,
    )
    project = await services.projects.create_project(order, story.at)
    notice = notice_for(profile, request, project.number)
    scheduled = schedule(request, story.at, project.number, notice)
    request = await services.service_requests.save(scheduled, request.version)
    body = f"project {request.project_number}; {told(profile, request)}"
    await story.save(
        service_step(story.ticket, INTAKE_ADMIN, profile, story.at, request, Step.SCHEDULED, body)
    )


async def capture_article(story: Story, *, publish_it: bool) -> None:
    """Draft a KB article from the resolved ticket (as the closure form does), maybe publish it."""
    services = story.services
    content = draft_from_ticket(story.ticket, await services.tickets.events(story.ticket.id))
    article, created = await services.knowledge.create_draft(
        content, author_id=SYSTEM_ACTOR, now=story.at, source_ticket_id=story.ticket.id
    )
    if not created:
        return
    await story.save(knowledge_step(story.ticket, SYSTEM_ACTOR, story.at, "drafted", article))
    if not publish_it:
        return
    story.days(1)
    published = publish(article, article.content, "allison", story.profile, story.at)
    article = await services.knowledge.save(published, article.version)
    await story.save(knowledge_step(story.ticket, "allison", story.at, "published", article))

"""Process 4 of The BestPack Support Way, engineering escalation: when troubleshooting reaches
its limit, a complete handoff to Engineering; the engineering manager takes it or asks for
more; an RCCA closes it.

States of an escalation (the ticket's status in brackets):

    (ticket in progress) --`escalate <n>` or Escalate on its card--> FORM_SENT
    FORM_SENT --sent incomplete--> FORM_REFUSED (the same form naming what is needed, values kept)
    FORM_SENT or FORM_REFUSED --sent complete--> REQUESTED [escalated]
    REQUESTED --Accept and assign--> ACCEPTED [in progress; the engineer owns the engineering
        and becomes the assignee, unless the assignee stays on the customer]
    REQUESTED --Ask for more info--> INFO_REQUESTED [in progress]
    INFO_REQUESTED --Complete the handoff--> FORM_SENT (the manager's question on top)
    ACCEPTED --`rcca <n>` or RCCA on the card, saved complete--> RCCA_RECORDED

- FORM_SENT: the handoff form, filled in from the ticket and its troubleshooting notes (or
  from the handoff sent back).
- REQUESTED: everyone who may accept escalations gets the review card in their chat and finds
  it in `escalations` and on the ticket card; the technician is told who has it, and who gets
  it only once they open the app. Only the decision moves the ticket out of Escalated: a
  button of an old card (Accept, Status, Resolve) answers with the ticket as it stands.
- ACCEPTED, INFO_REQUESTED: the technician hears the decision, the engineer gets the handoff,
  and the other managers' review cards show it. The engineers offered are those who take
  escalations (profile capability take_escalation), the one handing off too.
- Until RCCA_RECORDED, resolving the escalated ticket is refused, naming what the RCCA lacks.

Only whoever works the ticket (its assignee, or someone who may resolve any) escalates it;
they and the engineering owner record its RCCA; only people who may accept escalations decide:
all from the sender, never from card data.

Commands: `escalate <ticket>`, `rcca <ticket>`, `escalations`.
Card verbs: ticket.escalate (the ticket card's Escalate), escalation.submit (the handoff form),
escalation.accept and escalation.info (the review card, the manager's ticket card),
escalation.review (a row of `escalations`), ticket.rcca (the ticket card's RCCA),
rcca.submit (the RCCA form).
"""

"""Process 6 of The BestPack Support Way, Service Request & Scheduling (owner: Mary).

On-site service for a customer's site: billable work is scheduled at once; non-billable work
waits for whoever holds approve_non_billable (Allison). Scheduling creates the project in the
project system; who goes follows the site's state: a 3rd-party provider (not on Teams: the
requester is given the message to send) or our own technician (told in Teams).

States of a service request (feature.py; approval.py for the manager's decision):

    `service request [ticket]` --> FORM_SENT --Request, problems--> FORM_REFUSED (errors
                                   |   |                            shown, values kept)
                                   |   +--Cancel--> CANCELLED (nothing was requested)
                                   +--Request, billable--> SCHEDULED (SR-n, one per form id)
                                   +--Request, non-billable--> AWAITING_APPROVAL (the approval
                                        card goes to the approvers' chats)
    AWAITING_APPROVAL --Approve--> SCHEDULED (the project created, whoever goes told, the
                                   requester told)
    AWAITING_APPROVAL --Reject + reason--> REJECTED (the requester is told why)

A second decision is refused, naming who decided and when. Only the approve_non_billable
capability of the sender's roster entry decides, whatever the card's data claims. When the
request names a ticket, each step lands on that ticket's timeline.

Commands: `service request [ticket]` (schedule_service), `service approvals`
(approve_non_billable; lists what waits, for a card that went astray).
Card verbs: service.submit, service.cancel (the form); service.approve, service.reject.
"""

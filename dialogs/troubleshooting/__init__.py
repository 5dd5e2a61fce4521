"""Process 3 of The BestPack Support Way, technical troubleshooting: the assignee opens a ticket,
works it and documents the work, from assignment to resolution.

States of a ticket as its assignee works it (each move is one button on the ticket card):
    ASSIGNED --Accept--> IN_PROGRESS (acknowledged too, if triage had not yet; on a desk with
        no in-progress status, Accept only acknowledges)
    IN_PROGRESS --Status--> WAITING_ON_CUSTOMER | WAITING_ON_OTHER --Status--> IN_PROGRESS
        (the Status form offers the profile's statuses in these roles, by its labels; the SLA
        clock pauses in those the profile names, e.g. BestPack's waiting ones)
    any open state --Add note--> same state (internal or customer-visible; minutes logged;
        the first customer-visible note is the first response)
    any open state --Resolve--> RESOLVING (process 8, dialogs.closure)
The daily digest (digest.py, scheduled): at opening time on business days each person who works
tickets gets their open ones, most urgent first; nothing when they hold none; once a day.

Commands: `ticket <n>` (`show`, `t`), `history <n> [page]` (the whole timeline, a page at a
time: the ticket card shows only the newest entries), `my tickets` (`mine`), `note <n> <text>`.
Card verbs: ticket.refresh (also the Open button of ticket lists), ticket.accept, ticket.note,
ticket.status, ticket.history.
Scheduled job: daily_digest.
"""

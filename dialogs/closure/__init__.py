"""Process 8 of The BestPack Support Way, ticket closure and customer communication: resolve with
a summary and root cause, close on the customer's word, chase a silent customer, reopen a fix
that did not hold (the reopen rate is the team's #1 priority).

States of a ticket on its way out:
    OPEN --Resolve / `resolve <n>`--> RESOLVING (the closure card replaces the ticket card)
    RESOLVING --Back--> OPEN (nothing saved)
    RESOLVING --"the customer confirmed" + who + how--> CLOSED (resolved and closed in one save)
    RESOLVING --"ask the customer"--> RESOLVED (awaiting the customer; on the timeline)
    RESOLVED --Customer confirmed / `close <n>`--> CLOSED
    RESOLVED --each reminder's business days of silence (2, 4)--> RESOLVED, the assignee
        nudged to chase the customer, once per reminder (silence.py, scheduled)
    RESOLVED --the policy's business days of silence (5)--> CLOSED (silence.py, scheduled)
    RESOLVED | CLOSED --Reopen (why; staff or a customer report) / `reopen <n> <reason>`-->
        ASSIGNED again (NEW without an assignee), counted; the assignee and everyone who may
        resolve any ticket are told once per reopen (reopen.py)
Only the assignee or someone who may resolve any ticket resolves or closes; the caller is
always the activity's sender, whatever the card's data says.

Commands: `resolve <n>`, `close <n>`, `reopen <n> <reason>`.
Card verbs: ticket.resolve (opens the closure card), closure.submit, closure.confirm,
ticket.reopen.
Scheduled jobs: closure_reminders, autoclose (hourly in business hours).
"""

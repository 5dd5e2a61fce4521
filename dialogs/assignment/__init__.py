"""Process 2 of The BestPack Support Way, Ticket Assignment: by issue type, machine complexity
and technician capability; triage gives a ticket to someone, and they hear about it at once.

States:

    TRIAGE_POSTED ──Assign / `assign <n> <person> [reason]`──> ASSIGNED ──> NOTIFIED
          ▲            (a pick that does not fit: refused until a reason is given)   │
          └──────────────Reassign on the assignee's ticket card (assigners only)─────┘

    TRIAGE_POSTED  the triage card lists the workers, each with its reason line, the routing
                   suggestion pre-selected ("Kevin — PLC — 0 open")
    ASSIGNED       workflow.assign; a pick that does not fit the routing rule
                   (services.routing.fit) needs an override reason, kept on the timeline
    NOTIFIED       the assignee's chat gets the ticket card (Accept, Reassign, Add note) and the
                   triage channel thread @mentions them; both go out after the answer. Someone
                   without a usable chat gets it when they open the app, and the assigner reads
                   so on the card; a failure after the answer is told to the assigner
    REASSIGN       the triage card again, without the current assignee (→ ASSIGNED)

Commands: `assign <ticket> <person> [reason]`.
Card verbs: triage.assign (on the triage card), ticket.reassign (on the ticket card).
"""

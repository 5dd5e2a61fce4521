"""Process 1 of The BestPack Support Way, Ticket Intake & Triage: the triage half.

Every new ticket gets a triage card; triage classifies it, acknowledges it within the hour,
asks for what is missing, and assigns it (process 2, dialogs.assignment).

States of a ticket in triage:

    filed (dialogs.intake) ──> TRIAGE_POSTED ──Change priority──> CLASSIFIED ─┐
                                   │   ▲ └─────Request info──> INFO_REQUESTED ─┤
                                   │   └───────────────────────────────────────┘
                                   ├──Acknowledge / `acknowledge <n>`──> ACKNOWLEDGED (once)
                                   └──Assign──> ASSIGNED (dialogs.assignment)

    TRIAGE_POSTED   the card is in the triage channel, or in each triager's personal chat when
                    there is no channel or the bot cannot post there yet: summary, what is
                    missing or doubtful, acknowledgement due, the suggested assignee pre-selected
    CLASSIFIED      the card shows the new priority and acknowledgement due time
    INFO_REQUESTED  the question is on the timeline; whoever filed the ticket is asked in their
                    chat and answers with a note
Each action replaces the card acted on and updates the ticket's other triage cards.

Commands: `acknowledge <ticket>` (ack), `queue` (what waits: to assign, then assigned but not
yet acknowledged; the most late first, lateness in business time as the SLA counts it).
Card verbs: triage.acknowledge, triage.priority, triage.request_info (triage.assign: assignment),
triage.open (a queue row's ticket as a new card, the queue kept), triage.queue (its Refresh).
Triage's buttons also sit on the ticket card of any open ticket (dialogs.shared.ticket_view).
"""

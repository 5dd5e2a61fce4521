"""What every process shares: finding a ticket, applying a workflow step, the ticket card.

Not a process (no Feature): the pieces more than one process's handlers need.
    tickets.py      TicketRef (what every ticket button carries), `find_ticket` (a ticket
                    named in a chat or on a card, or why there is none), `apply` / `chained`
                    (workflow steps as the caller at the app's time `now`, saved together)
    ticket_view.py  the ticket card as its viewer sees it (their buttons), `act_on` (find,
                    step, save: the card when the ticket moved on meanwhile)
"""

"""Pulling a team in: the Support Specialist coordinates with the team that can help, and stays
the ticket's owner (Kinetic Data's handbook, "Coordinates with the correct team").

A profile's `[[teams]]` (key, label, roles, help) are the teams; `[[team_routing]]` suggests one
from the intake answers. On a desk without teams, `involve` says there are none.

    open ticket --`involve <ticket> <team> [what is asked]`, or a team's button under "Pull in a
                  team" on the ticket or triage card--> the team's people are its helpers:
                  stored (ticket_helpers), on the timeline, each told in Teams with the ticket
                  and what is asked; the assignee stays the owner
    helpers see it in `my tickets` ("Helping on"), on its card ("Helping"), and add notes

Who may: the ticket's owner (its assignee), triage, or someone who may resolve any ticket
(services.tickets.rules.require_coordinator), from the caller's roster roles. Refused in words:
an unknown team (the teams are listed), a ticket no longer open, someone else, a team already
helping or with nobody on the roster but the owner.

Command: `involve <ticket> <team> [what you need]`. Card verb: team.involve.
"""

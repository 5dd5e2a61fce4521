"""Process 7 of The BestPack Support Way, documentation & knowledge capture: resolved tickets
become KB articles, so nobody solves the same problem twice.

States of an article:

    (none) --a ticket resolved with "Worth a KB article?"--> DRAFT, sent to process 7's owner
    (none) --`kb draft <ticket>` or the ticket card's KB article, on a resolved or closed
             ticket--> DRAFT, shown to the asker (a ticket's existing article instead)
    DRAFT --Save draft--> DRAFT (checked; a refused form comes back with its errors, values kept)
    DRAFT --Publish (problem, cause and resolution needed)--> PUBLISHED
    DRAFT --Merge with a draft of the same title from other tickets--> DRAFT (the older one,
             with the text and tickets of both); the newer --> MERGED (old cards name the other)
    PUBLISHED --Edit, Save changes--> PUBLISHED

- A draft is built from the ticket and its timeline; drafting, merging and publishing land on
  the timelines of its source tickets. Whoever resolved the ticket reads who got the draft,
  and when an owner gets it only once they open the app.
- Drafts are seen and edited only by those who may publish (publish_kb, from the caller's
  roster roles, never from card data); published articles by everyone.
- Finding articles: `kb <words>` (ranked by services.knowledge.ranking: articles with every
  term, else some, else the closest titles; drafts too, marked, for those who may publish),
  `kb KB-<n>`, and intake's "Similar solved problems" (similar_solved, used by
  dialogs.intake): a strong match before filing unless the call is urgent, any other beside
  the filed ticket (services.knowledge.matching).
- Publishing a draft whose ticket was reopened after drafting asks for "Publish anyway".
- "Can documentation solve it?" (a profile with `[knowledge] documentation_first`): an open
  ticket's ticket and triage cards show whoever coordinates it (its owner, triage, who may
  resolve any ticket) the best published matches (dialogs.knowledge.matches); Answer with an
  article sends the customer its link (or its fix, with no page to link) through the ticket
  system, and records a documentation answer on the timeline, which the scorecard counts
  (dialogs.knowledge.answers). A draft, a ticket no longer open, someone else: refused in words.

Commands: `kb <words>`, `kb KB-<n>`, `kb draft <ticket>`, `kb drafts`.
Card verbs: kb.open, kb.edit, kb.save, kb.publish, kb.merge (the article cards, `kb drafts`),
ticket.kb_article (the ticket card's KB article), docs.answer (Answer with an article).
"""

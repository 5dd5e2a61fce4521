"""Process 5 of The BestPack Support Way, Parts & Quote Support (owner: the parts owner).

A person asks the parts owner (the roster's answer_parts holder, Ezechiel) for a quote or a
part number, or looks an order up; the owner answers; the quote goes to the order system,
where the customer's order moves on. NC Tape Head requests are flagged on every card.

States of a parts request (feature.py; answer.py for the owner's answer):

    `parts [ticket]` --> FORM_SENT --Send, problems--> FORM_REFUSED (errors shown, values kept)
                         |   |
                         |   +--Send, order status--> LOOKED_UP (answered from the order
                         |   |                        system; nothing is filed)
                         |   +--Cancel--> CANCELLED (nothing was sent)
                         |
                         +--Send, quote or identification--> OPEN (PQ-n, one per form id;
                              the owner gets it in their chat with the answer form)
                              |   --Send answer, problems--> OPEN (errors shown, values kept)
                              +--Send answer--> ANSWERED (the quote's lines: part, quantity,
                                                price each, and their total; lead time,
                                                quote Q-n; the quote recorded; the
                                                requester told)

An open request shows its status and when the answer is expected (one business day).

States of an order in the order system (orders.py):

    QUOTED --Customer ordered--> ORDERED --Shipped--> SHIPPED --Delivered--> DELIVERED;
    QUOTED or ORDERED --`parts update` cancelled--> CANCELLED
    (Shipped and Delivered: buttons on the order's card, or `parts update`.)

Every move is told to the people on the request who did not make it and, when the request
names a ticket, lands on that ticket's timeline as a parts step. Only answer_parts holders
answer or move orders on, whatever the card's data says.

Commands: `parts [ticket]`, `parts queue` (answer_parts), `parts status <order or quote>`,
`parts update <order> shipped|delivered|cancelled` (answer_parts).
Card verbs: parts.submit, parts.cancel (the form); parts.open, parts.answer, parts.ordered
(a request); parts.shipped, parts.delivered (an order).
"""

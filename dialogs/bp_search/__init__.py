"""BP Search in the bot: look a machine, a customer or a sales order up from any chat.

`lookup <serial | customer | order>` (aliases `bp`, `search`) answers with one card per hit:
the machine, the customer and its sites, the CRM's owner and open deals, the tickets here with
their resolutions, the last service visit and open orders, and links to NetSuite and HubSpot.
Several hits make a short list; each candidate's button answers with its card:

    `lookup <text>` --one hit--> FINDING card
                    --several--> LIST card --Open (bp_search.pick)--> FINDING card
                    --none-----> what to type instead (and which source was unavailable)

The message extension (appPackage/manifest.json, commands "customer", "machine", "order")
answers `composeExtension/query` with every hit's card, from the cache first when it holds
anything, and looks again after answering so the next search is fresh (extension.py).

Anyone on the roster may look up. Card verb: bp_search.pick.
"""

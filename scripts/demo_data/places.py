"""The words the demo's installed base is made of: towns with their area codes by state, company
and people names, sales reps, order statuses and deal stages. All fictional (555 numbers,
example.com addresses); NetSuite's sales-order status labels and HubSpot's default deal stages.
"""

from __future__ import annotations

# State -> (town, area code), the first town being where a catalog customer's site stands.
TOWNS: dict[str, tuple[tuple[str, str], ...]] = {
    "CA": (("Fresno", "559"), ("Sacramento", "916")),
    "OR": (("Portland", "503"), ("Salem", "503")),
    "WA": (("Yakima", "509"), ("Tacoma", "253")),
    "LA": (("New Orleans", "504"), ("Baton Rouge", "225")),
    "TX": (("Dallas", "214"), ("San Antonio", "210")),
    "OH": (("Columbus", "614"), ("Toledo", "419")),
    "GA": (("Atlanta", "404"), ("Savannah", "912")),
    "NC": (("Charlotte", "704"), ("Greensboro", "336")),
    "MI": (("Grand Rapids", "616"), ("Battle Creek", "269")),
    "MN": (("Minneapolis", "612"), ("Mankato", "507")),
    "AZ": (("Phoenix", "602"), ("Tucson", "520")),
    "CO": (("Denver", "303"), ("Greeley", "970")),
    "TN": (("Memphis", "901"), ("Nashville", "615")),
    "KY": (("Louisville", "502"), ("Bowling Green", "270")),
    "FL": (("Tampa", "813"), ("Lakeland", "863")),
    "ID": (("Boise", "208"), ("Twin Falls", "208")),
    "NE": (("Omaha", "402"), ("Lincoln", "402")),
    "NJ": (("Newark", "201"), ("Camden", "856")),
    "NY": (("Buffalo", "716"), ("Rochester", "585")),
    "PA": (("Allentown", "610"), ("Lancaster", "717")),
    "VA": (("Roanoke", "540"), ("Richmond", "804")),
    "MD": (("Baltimore", "410"), ("Hagerstown", "301")),
    "DC": (("Washington", "202"),),
    "IL": (("Chicago", "312"), ("Rockford", "815")),
    "IN": (("Indianapolis", "317"), ("Fort Wayne", "260")),
    "WI": (("Milwaukee", "414"), ("Green Bay", "920")),
    "IA": (("Des Moines", "515"), ("Cedar Rapids", "319")),
    "MO": (("St. Louis", "314"), ("Kansas City", "816")),
    "UT": (("Ogden", "801"), ("Salt Lake City", "801")),
}

NAME_STARTS = (
    "Golden", "Pioneer", "Keystone", "Silver", "Cedar", "Granite", "Heritage", "Meadow",
    "Copper", "Maple", "Bayside", "Frontier", "Evergreen", "Highland", "Riverbend", "Sunrise",
)  # fmt: skip
NAME_ENDS = ("Ridge", "Creek", "Harbor", "Orchard", "Springs", "Grove", "Mill", "Hills")
TRADES = (
    "Foods", "Dairy", "Bakery", "Brewing Co.", "Pet Foods", "Beverages", "Snacks",
    "Produce", "Packaging", "Nutrition", "Candy Co.", "Frozen Foods",
)  # fmt: skip
SITE_KINDS = ("plant", "distribution center", "co-packing hall", "bottling hall", "warehouse")

FIRST_NAMES = (
    "Alicia", "Ben", "Carmen", "Derek", "Elena", "Frank", "Grace", "Hector", "Irene", "Jamal",
    "Karen", "Luis", "Megan", "Nate", "Olga", "Pete", "Rosa", "Steve", "Tina", "Victor",
)  # fmt: skip
LAST_NAMES = (
    "Alvarez", "Brooks", "Chen", "Dawson", "Ericsson", "Foster", "Garcia", "Hughes", "Ivanova",
    "Jensen", "Kowalski", "Larsen", "Moreno", "Novak", "Okafor", "Price", "Quinn", "Russo",
)  # fmt: skip

SALES_REPS = ("Priya Natarajan", "Greg Holloway", "Monica Reyes", "Tom Lindqvist", "Aisha Bello")

# NetSuite's sales-order status labels, and whether the order is still open.
ORDER_STATUSES = (
    ("Pending Approval", True),
    ("Pending Fulfillment", True),
    ("Partially Fulfilled", True),
    ("Pending Billing", True),
    ("Billed", False),
    ("Billed", False),
    ("Closed", False),
    ("Cancelled", False),
)
ORDER_MEMOS = (
    "Spare suction cups and belts",
    "Retrofit kit for the infeed",
    "New line: tray formers",
    "Preventive maintenance parts",
    "Tape head rebuild kits",
    None,
)

# HubSpot's default sales pipeline, open stages only.
DEAL_STAGES = (
    "Appointment scheduled",
    "Qualified to buy",
    "Presentation scheduled",
    "Decision maker bought-in",
    "Contract sent",
)
DEAL_TOPICS = ("second line", "spare parts agreement", "retrofit", "service contract", "upgrade")

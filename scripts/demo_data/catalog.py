"""What the demo's tickets are about: customers, their machines, and problems with their fixes.

Fictional companies and people (example.com addresses, 555 phone numbers); the problems are
the kinds the BestPack Support Way describes, each with the notes and fix a technician writes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Customer:
    """A customer site: who calls, and in which state the machine stands."""

    company: str
    contact: str
    email: str
    phone: str
    state: str
    site: str


@dataclass(frozen=True)
class Machine:
    """A machine model and its complexity class (a profile key)."""

    model: str
    complexity: str
    serial_prefix: str


@dataclass(frozen=True)
class Problem:
    """A problem of one issue type: the customer's words, the work notes, the fix."""

    issue_type: str
    description: str
    notes: tuple[str, ...]
    resolution: str
    root_cause: str
    machine_down: bool = False
    part_number: str = ""
    part_description: str = ""


CUSTOMERS = (
    Customer("Harvest Valley Foods", "Dana Whitfield", "dana.whitfield@harvestvalley.example.com",
             "+1 559 555 0142", "CA", "Fresno plant, line 3"),
    Customer("Northwind Bottling", "Raj Patel", "raj.patel@northwind.example.com",
             "+1 201 555 0187", "NJ", "Newark bottling hall"),
    Customer("Lakeshore Confections", "Maria Gomez", "mgomez@lakeshore.example.com",
             "+1 312 555 0119", "IL", "Chicago candy plant"),
    Customer("Summit Pet Nutrition", "Tom Becker", "tbecker@summitpet.example.com",
             "+1 801 555 0163", "UT", "Ogden packaging floor"),
    Customer("Cascade Coffee Roasters", "Lena Fischer", "lena@cascadecoffee.example.com",
             "+1 503 555 0175", "OR", "Portland roastery"),
    Customer("Gulf Coast Seafood", "Andre Broussard", "andre@gulfcoastseafood.example.com",
             "+1 504 555 0131", "LA", "New Orleans cold room"),
    Customer("Prairie Grain Mills", "Kate Olsen", "kolsen@prairiegrain.example.com",
             "+1 515 555 0158", "IA", "Des Moines mill"),
    Customer("Blue Ridge Nutraceuticals", "Sam Carter", "scarter@blueridge.example.com",
             "+1 540 555 0126", "VA", "Roanoke capsule line"),
)  # fmt: skip

MACHINES = (
    Machine("BP-400 Case Erector", "standard", "CE4"),
    Machine("BP-220 Tray Sealer", "standard", "TS2"),
    Machine("BP-900 Robotic Palletizer", "custom", "RP9"),
    Machine("BP-650 Flow Wrapper", "standard", "FW6"),
    Machine("BP-1200 Custom Cartoner", "custom", "CC12"),
    Machine("BP-600 High-Speed Case Erector", "standard", "CE6"),
    Machine("TF-300 Tray Former", "standard", "TF3"),
    Machine("TF-500 Wraparound Tray Former", "custom", "TF5"),
    Machine("NC-2 Tape Head", "standard", "NC2"),
    Machine("NC-3 Long-Leader Tape Head", "standard", "NC3"),
    Machine("CS-800 Random Case Sealer", "standard", "CS8"),
    Machine("BP-1500 Custom Erector-Sealer Line", "custom", "CL15"),
)

PROBLEMS = (
    Problem(
        "mechanical",
        "Case erector jams on every 20th case\nFlaps catch on the folding plow; started after "
        "a changeover to the 12x10 case. Operator cleared it 15 times this shift.",
        ("Walked the operator through a slow-speed cycle on video; the plow is out of square.",
         "Re-squared the folding plow and reset the guide rails to the 12x10 spec."),
        "Re-squared the folding plow and reset the rail widths; 300 cases without a jam.",
        "Guide rails left at the old case width after the changeover.",
    ),
    Problem(
        "mechanical",
        "Tray sealer film not tracking\nFilm walks off the left side of the roll after 10 "
        "minutes; seals are wrinkled.",
        ("Film tension arm sticks at the top of its travel.",
         "Cleaned and greased the dancer arm pivot; tension holds steady."),
        "Freed and lubricated the dancer arm pivot; film tracks centred for a full roll.",
        "Dried-out pivot bushing on the film dancer arm.",
    ),
    Problem(
        "controls",
        "HMI shows alarm 4012 axis fault and the palletizer stops\nMachine down since the "
        "morning shift; resetting clears it for a few cycles only.",
        ("Remote HMI session: drive 3 reports following error on the lift axis.",
         "Tuned the lift axis gains and raised the following-error window in the PLC."),
        "Retuned the lift axis and corrected the following-error window; 2 hours without alarm.",
        "Lift axis gains reset to defaults by a drive firmware update.",
        machine_down=True,
    ),
    Problem(
        "controls",
        "Recipe changes do not load on the cartoner\nSelecting recipe 14 on the HMI keeps "
        "recipe 9 speeds.",
        ("PLC recipe table index is off by one after the last program change.",),
        "Fixed the recipe index in the PLC program and reloaded all recipes.",
        "Off-by-one recipe index introduced by the last program change.",
    ),
    Problem(
        "electrical",
        "Photo-eye on the infeed conveyor misses product\nIntermittent, worse in the "
        "afternoon when the dock door is open.",
        ("Sensor sees sunlight from the dock door; signal drops below threshold.",
         "Fitted a hood and re-taught the sensor threshold."),
        "Hooded and re-taught the infeed photo-eye; no missed product over a full shift.",
        "Ambient sunlight on a diffuse photo-eye.",
        part_number="PE-2231",
        part_description="Diffuse photo-eye with M12 connector",
    ),
    Problem(
        "electrical",
        "Main conveyor motor trips the overload\nTrips after about 40 minutes of running; "
        "motor is hot to the touch. Line stopped.",
        ("Measured 14 A on a 11 A motor; the gearbox drags.",
         "Replaced the gearbox bearing; current back to 9 A."),
        "Replaced the worn gearbox bearing; motor current back within nameplate.",
        "Worn output bearing in the conveyor gearbox.",
        machine_down=True,
        part_number="GB-1180",
        part_description="Output bearing kit for the 40:1 gearbox",
    ),
    Problem(
        "nc_tape_head",
        "NC tape head leaves gaps in the seal tape\nGaps every few cases; tape head was "
        "rebuilt last year.",
        ("Knife spring weak; applicator roller worn flat on one side.",),
        "Replaced the applicator roller and knife spring on the NC tape head.",
        "Worn applicator roller and a tired knife spring.",
        part_number="NC-3310",
        part_description="NC tape head applicator roller and knife spring",
    ),
    Problem(
        "parts",
        "Need a quote for spare suction cups\nCustomer wants 20 spare cups for the pick "
        "head before their peak season.",
        ("Identified the cup from the serial's bill of materials.",),
        "Quoted and shipped 20 suction cups; customer confirmed receipt.",
        "Spares request, no fault.",
        part_number="SC-0450",
        part_description="Bellows suction cup, 45 mm, nitrile",
    ),
)  # fmt: skip

FOLLOW_UPS = (
    "Customer sent a video of the fault; it matches the description.",
    "Asked the operator to send the alarm history screenshot.",
    "Called the customer: the line runs, they will watch it over the next shift.",
    "Checked the machine's service history: last preventive maintenance 9 months ago.",
)

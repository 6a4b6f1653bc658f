"""The fixed tables behind the synthetic demo scenario: donors, what they give, yearly totals,
consumption rates, production lines and funds.

Figures marked *public* are calibrated on /work/shared/data/public-figures.md or the Kiel
Institute Ukraine Support Tracker (see docs/data-sources.md); everything else is an
illustrative assumption. Producer names are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass

from materiel.codes import EU_INSTITUTIONS

RECIPIENT = "UKR"

#: Fixed approximate USD value of one unit of each currency, used only to size the synthetic
#: records (pledge values, fund spending). Aggregations elsewhere use dated ECB rates.
USD_PER: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.27,
    "PLN": 0.25,
    "CZK": 0.043,
    "NOK": 0.093,
    "SEK": 0.095,
    "DKK": 0.145,
    "CAD": 0.73,
    "AUD": 0.66,
    "JPY": 0.0067,
    "KRW": 0.00073,
    "RON": 0.22,
}


@dataclass(frozen=True)
class Donor:
    code: str
    currency: str
    weight: float  # relative size of its contributions
    gives: tuple[str, ...]  # item codes it pledges
    holds_only: tuple[str, ...] = ()  # items it holds in stock but does not give


def _t(s: str) -> tuple[str, ...]:
    return tuple(s.split())


A155 = "ammo.artillery.155mm"

DONORS: tuple[Donor, ...] = (
    Donor(
        "USA",
        "USD",
        1.0,
        _t(
            "ammo.artillery.155mm ammo.artillery.155mm.precision ammo.artillery.105mm "
            "ammo.mortar.120mm ammo.mortar.81mm system.artillery.m777 system.rocket.himars "
            "ammo.rocket.gmlrs ammo.rocket.atacms system.airdefence.patriot "
            "missile.airdefence.pac3 missile.airdefence.amraam missile.airdefence.stinger "
            "antitank.javelin antitank.at4 antitank.tow tank.abrams afv.bradley apc.m113 "
            "apc.stryker mrap.maxxpro ammo.smallarms.5.56mm ammo.smallarms.7.62mm "
            "ammo.smallarms.12.7mm drone.loitering drone.recon vehicle.truck vehicle.pickup "
            "demining.vehicle medical.ifak other.radio other.radar"
        ),
    ),
    Donor(
        "DEU",
        "EUR",
        0.6,
        _t(
            "ammo.artillery.155mm ammo.mortar.120mm system.artillery.pzh2000 system.rocket.m270 "
            "ammo.rocket.gmlrs system.airdefence.iris-t-slm missile.airdefence.iris-t "
            "system.airdefence.patriot missile.airdefence.pac3 system.airdefence.gepard "
            "tank.leopard2a6 tank.leopard1a5 afv.marder drone.recon drone.interceptor "
            "vehicle.truck demining.vehicle medical.field-hospital other.winter-kit "
            "smallarms.machinegun"
        ),
    ),
    Donor(
        "GBR",
        "GBP",
        0.4,
        _t(
            "ammo.artillery.155mm ammo.artillery.105mm system.artillery.l119 system.rocket.m270 "
            "tank.challenger2 antitank.nlaw mrap.maxxpro drone.fpv drone.recon "
            "helicopter.seaking naval.patrol-boat naval.usv medical.ifak other.body-armour "
            "ammo.smallarms.5.56mm ammo.smallarms.7.62mm"
        ),
    ),
    Donor(
        "FRA",
        "EUR",
        0.3,
        _t(
            "ammo.artillery.155mm ammo.artillery.155mm.precision system.artillery.caesar "
            "system.airdefence.samp-t missile.airdefence.aster aircraft.mirage2000 "
            "ammo.mortar.120mm vehicle.truck drone.recon"
        ),
    ),
    Donor(
        "POL",
        "PLN",
        0.3,
        _t(
            "ammo.artillery.152mm ammo.artillery.122mm system.artillery.krab tank.t72 "
            "aircraft.mig29 system.rocket.bm21 ammo.rocket.122mm ammo.smallarms.5.56mm "
            "ammo.smallarms.7.62mm ammo.smallarms.12.7mm other.body-armour ammo.mortar.120mm"
        ),
        _t("ammo.artillery.155mm"),
    ),
    Donor(
        "NLD",
        "EUR",
        0.22,
        _t(
            "ammo.artillery.155mm system.artillery.pzh2000 aircraft.f16 "
            "system.airdefence.patriot missile.airdefence.pac3 tank.leopard2a4 afv.cv90 "
            "naval.minehunter drone.recon"
        ),
    ),
    Donor(
        "DNK",
        "DKK",
        0.2,
        _t(
            "ammo.artillery.155mm system.artillery.caesar aircraft.f16 tank.leopard1a5 "
            "naval.harpoon apc.m113 missile.airdefence.stinger medical.ambulance"
        ),
    ),
    Donor(
        "NOR",
        "NOK",
        0.18,
        _t(
            "ammo.artillery.155mm system.airdefence.nasams missile.airdefence.amraam "
            "system.artillery.m109 system.rocket.m270 ammo.rocket.gmlrs tank.leopard2a4 "
            "medical.ambulance other.body-armour"
        ),
    ),
    Donor(
        "SWE",
        "SEK",
        0.16,
        _t(
            "ammo.artillery.155mm system.artillery.archer afv.cv90 tank.leopard2a4 "
            "antitank.carl-gustaf antitank.at4 naval.patrol-boat drone.recon"
        ),
    ),
    Donor(
        "FIN",
        "EUR",
        0.12,
        _t(
            "ammo.artillery.155mm ammo.artillery.122mm ammo.smallarms.12.7mm "
            "ammo.smallarms.7.62mm demining.kit other.winter-kit"
        ),
    ),
    Donor(
        "CAN",
        "CAD",
        0.16,
        _t(
            "ammo.artillery.155mm system.artillery.m777 tank.leopard2a4 "
            "system.airdefence.nasams missile.airdefence.amraam mrap.maxxpro drone.recon "
            "other.winter-kit other.body-armour"
        ),
    ),
    Donor(
        "ITA",
        "EUR",
        0.12,
        _t(
            "ammo.artillery.155mm system.airdefence.samp-t missile.airdefence.aster "
            "system.artillery.m109 apc.m113 missile.airdefence.stinger"
        ),
    ),
    Donor(
        "ESP",
        "EUR",
        0.1,
        _t(
            "ammo.artillery.155mm tank.leopard2a4 apc.m113 demining.kit medical.ambulance "
            "medical.field-hospital"
        ),
    ),
    Donor(
        "CZE",
        "CZK",
        0.1,
        _t(
            "ammo.artillery.152mm ammo.artillery.122mm ammo.artillery.155mm tank.t72 "
            "system.rocket.bm21 ammo.rocket.122mm helicopter.mi24 system.artillery.d30"
        ),
    ),
    Donor(
        "EST",
        "EUR",
        0.06,
        _t(
            "ammo.artillery.155mm ammo.artillery.122mm system.artillery.d30 antitank.javelin "
            "antitank.at4 other.winter-kit"
        ),
    ),
    Donor(
        "LVA",
        "EUR",
        0.05,
        _t("missile.airdefence.stinger drone.fpv drone.interceptor apc.m113 helicopter.mi17"),
    ),
    Donor(
        "LTU",
        "EUR",
        0.05,
        _t("apc.m113 ammo.mortar.120mm demining.kit other.body-armour missile.airdefence.stinger"),
    ),
    Donor(
        "BEL",
        "EUR",
        0.08,
        _t(
            "aircraft.f16 ammo.smallarms.5.56mm ammo.smallarms.7.62mm mrap.maxxpro "
            "vehicle.truck medical.ifak naval.minehunter"
        ),
        _t("ammo.artillery.155mm"),
    ),
    Donor(
        "PRT",
        "EUR",
        0.04,
        _t("tank.leopard2a6 apc.m113 ammo.artillery.105mm naval.patrol-boat"),
    ),
    Donor(
        "ROU",
        "RON",
        0.04,
        _t("system.airdefence.patriot missile.airdefence.pac3 ammo.artillery.122mm"),
    ),
    Donor(
        "SVK",
        "EUR",
        0.05,
        _t(
            "aircraft.mig29 ammo.artillery.122mm ammo.artillery.152mm system.rocket.bm21 "
            "helicopter.mi17"
        ),
        _t("ammo.artillery.155mm"),
    ),
    Donor(
        "AUS",
        "AUD",
        0.08,
        _t(
            "apc.m113 mrap.maxxpro tank.abrams ammo.artillery.155mm ammo.artillery.105mm "
            "drone.recon"
        ),
    ),
    # Japan and South Korea give non-lethal items only; their 155 mm stocks are excluded by
    # caveats (see CAVEATS).
    Donor(
        "JPN",
        "JPY",
        0.06,
        _t(
            "vehicle.truck vehicle.pickup medical.ifak other.body-armour demining.kit "
            "demining.vehicle other.winter-kit drone.recon"
        ),
        _t("ammo.artillery.155mm"),
    ),
    Donor(
        "KOR",
        "KRW",
        0.04,
        _t("medical.ifak demining.kit other.body-armour medical.ambulance vehicle.truck"),
        _t("ammo.artillery.155mm ammo.artillery.105mm"),
    ),
    # EU institutions give through the fund channel and hold no stockpile of their own.
    Donor(
        EU_INSTITUTIONS,
        "EUR",
        0.3,
        _t(
            "ammo.artillery.155mm ammo.artillery.152mm ammo.mortar.120mm medical.field-hospital "
            "demining.vehicle vehicle.fuel-tanker"
        ),
    ),
)

#: Quantity pledged by all donors together over the demo year, per item.
#: 155 mm: *public* — US and Europe supplied about 1.2 M rounds a year to Ukraine
#: (CNN quoting NATO intelligence, Mar 2024). Others: illustrative assumptions.
YEARLY_PLEDGED: dict[str, int] = {
    A155: 1_200_000,
    "ammo.artillery.155mm.precision": 3_000,
    "ammo.artillery.152mm": 250_000,
    "ammo.artillery.122mm": 300_000,
    "ammo.artillery.105mm": 150_000,
    "ammo.mortar.120mm": 200_000,
    "ammo.mortar.81mm": 150_000,
    "system.artillery.m777": 24,
    "system.artillery.pzh2000": 12,
    "system.artillery.caesar": 18,
    "system.artillery.krab": 12,
    "system.artillery.archer": 8,
    "system.artillery.m109": 20,
    "system.artillery.d30": 24,
    "system.artillery.l119": 12,
    "system.rocket.himars": 6,
    "system.rocket.m270": 6,
    "system.rocket.bm21": 12,
    "ammo.rocket.gmlrs": 4_000,
    "ammo.rocket.atacms": 80,
    "ammo.rocket.122mm": 60_000,
    "system.airdefence.patriot": 3,
    "system.airdefence.iris-t-slm": 4,
    "system.airdefence.nasams": 4,
    "system.airdefence.samp-t": 2,
    "system.airdefence.gepard": 10,
    "missile.airdefence.pac3": 300,
    "missile.airdefence.iris-t": 300,
    "missile.airdefence.amraam": 200,
    "missile.airdefence.aster": 60,
    "missile.airdefence.stinger": 1_500,
    "antitank.javelin": 1_500,
    "antitank.nlaw": 1_500,
    "antitank.at4": 8_000,
    "antitank.tow": 1_000,
    "antitank.carl-gustaf": 100,
    "tank.leopard2a4": 40,
    "tank.leopard2a6": 10,
    "tank.leopard1a5": 60,
    "tank.abrams": 10,
    "tank.challenger2": 14,
    "tank.t72": 40,
    "afv.bradley": 60,
    "afv.marder": 40,
    "afv.cv90": 20,
    "apc.m113": 200,
    "apc.stryker": 40,
    "mrap.maxxpro": 150,
    "smallarms.machinegun": 4_000,
    "ammo.smallarms.5.56mm": 60_000_000,
    "ammo.smallarms.7.62mm": 50_000_000,
    "ammo.smallarms.12.7mm": 10_000_000,
    "drone.fpv": 300_000,
    "drone.loitering": 1_500,
    "drone.recon": 400,
    "drone.interceptor": 20_000,
    "aircraft.f16": 24,
    "aircraft.mirage2000": 6,
    "aircraft.mig29": 8,
    "helicopter.mi17": 6,
    "helicopter.seaking": 4,
    "helicopter.mi24": 4,
    "naval.patrol-boat": 20,
    "naval.usv": 100,
    "naval.harpoon": 20,
    "naval.minehunter": 2,
    "vehicle.truck": 1_500,
    "vehicle.fuel-tanker": 200,
    "vehicle.pickup": 2_000,
    "demining.kit": 3_000,
    "demining.vehicle": 20,
    "medical.ifak": 200_000,
    "medical.ambulance": 150,
    "medical.field-hospital": 6,
    "other.body-armour": 100_000,
    "other.winter-kit": 150_000,
    "other.radio": 5_000,
    "other.radar": 10,
}

#: Consumption by the recipient (mean per day, coefficient of variation).
#: 155 mm: *public* — about 110,000 rounds a month fired (Reznikov letter, FT, 2023), i.e.
#: ~3,600 a day; within the 2,000 (Mar 2024) to 8,000 (peaks, Oct 2023) a day reported.
#: Others: illustrative assumptions.
CONSUMPTION: dict[str, tuple[float, float]] = {
    A155: (3_600.0, 0.35),
    "ammo.artillery.155mm.precision": (15.0, 0.5),
    "ammo.artillery.152mm": (1_500.0, 0.35),
    "ammo.artillery.122mm": (1_200.0, 0.35),
    "ammo.artillery.105mm": (400.0, 0.4),
    "ammo.mortar.120mm": (1_500.0, 0.4),
    "ammo.mortar.81mm": (1_000.0, 0.4),
    "ammo.rocket.gmlrs": (12.0, 0.5),
    "ammo.rocket.atacms": (0.2, 0.8),
    "ammo.rocket.122mm": (300.0, 0.4),
    "missile.airdefence.pac3": (0.8, 0.6),
    "missile.airdefence.pac2": (0.3, 0.6),
    "missile.airdefence.iris-t": (0.8, 0.6),
    "missile.airdefence.amraam": (0.5, 0.6),
    "missile.airdefence.aster": (0.15, 0.6),
    "missile.airdefence.stinger": (3.0, 0.5),
    "antitank.javelin": (5.0, 0.5),
    "antitank.nlaw": (4.0, 0.5),
    "antitank.at4": (20.0, 0.5),
    "antitank.tow": (3.0, 0.5),
    "drone.fpv": (800.0, 0.3),
    "drone.loitering": (5.0, 0.5),
    "drone.interceptor": (50.0, 0.4),
    "ammo.smallarms.5.56mm": (150_000.0, 0.3),
    "ammo.smallarms.7.62mm": (120_000.0, 0.3),
    "ammo.smallarms.12.7mm": (25_000.0, 0.3),
}

#: Needs the recipient states: item → (priority weights critical/high/routine, number of needs,
#: yearly quantity as a multiple of what is pledged in the year).
NEEDS: dict[str, tuple[tuple[float, float, float], int, float]] = {
    A155: ((0.4, 0.6, 0.0), 12, 1.6),  # asks: 350,000/month (public, Mar 2023) as the ceiling
    "ammo.artillery.155mm.precision": ((0.2, 0.8, 0.0), 2, 1.5),
    "ammo.artillery.152mm": ((0.2, 0.7, 0.1), 4, 1.3),
    "ammo.artillery.122mm": ((0.2, 0.7, 0.1), 4, 1.2),
    "ammo.artillery.105mm": ((0.0, 0.6, 0.4), 2, 1.0),
    "ammo.mortar.120mm": ((0.1, 0.7, 0.2), 3, 1.4),
    "ammo.rocket.gmlrs": ((0.5, 0.5, 0.0), 3, 1.5),
    "system.rocket.himars": ((0.0, 1.0, 0.0), 1, 2.0),
    "system.airdefence.patriot": ((1.0, 0.0, 0.0), 1, 2.0),
    "system.airdefence.iris-t-slm": ((0.7, 0.3, 0.0), 1, 1.5),
    "missile.airdefence.pac3": ((1.0, 0.0, 0.0), 4, 1.8),
    "missile.airdefence.iris-t": ((0.8, 0.2, 0.0), 3, 1.6),
    "missile.airdefence.amraam": ((0.6, 0.4, 0.0), 2, 1.4),
    "missile.airdefence.stinger": ((0.2, 0.8, 0.0), 2, 1.0),
    "antitank.javelin": ((0.0, 0.6, 0.4), 2, 0.9),
    "tank.leopard2a4": ((0.0, 0.7, 0.3), 1, 1.5),
    "afv.bradley": ((0.0, 0.6, 0.4), 1, 1.3),
    "apc.m113": ((0.0, 0.3, 0.7), 1, 1.0),
    "drone.fpv": ((0.3, 0.7, 0.0), 4, 2.0),
    "drone.interceptor": ((0.6, 0.4, 0.0), 2, 2.0),
    "aircraft.f16": ((0.0, 0.8, 0.2), 1, 1.2),
    "ammo.smallarms.7.62mm": ((0.0, 0.3, 0.7), 2, 0.8),
    "vehicle.truck": ((0.0, 0.2, 0.8), 2, 1.2),
    "demining.kit": ((0.0, 0.2, 0.8), 2, 1.5),
    "demining.vehicle": ((0.0, 0.4, 0.6), 1, 1.5),
    "medical.ifak": ((0.0, 0.5, 0.5), 2, 1.1),
    "medical.ambulance": ((0.0, 0.3, 0.7), 1, 1.2),
    "other.winter-kit": ((0.0, 0.6, 0.4), 1, 1.0),
    "other.radar": ((0.3, 0.7, 0.0), 1, 2.0),
}

#: Donor caveats: (nation, item, excluded, weekly cap).
CAVEATS: tuple[tuple[str, str, bool, int | None], ...] = (
    ("JPN", A155, True, None),
    ("KOR", A155, True, None),
    ("KOR", "ammo.artillery.105mm", True, None),
    ("USA", "missile.airdefence.pac3", False, 4),
    ("DEU", "missile.airdefence.pac3", False, 2),
    ("POL", A155, False, 1_000),
    ("FRA", A155, False, 2_500),
    ("ITA", "system.airdefence.samp-t", True, None),
)


@dataclass(frozen=True)
class LineSpec:
    code: str
    producer: str  # organisation code
    item: str
    nation: str
    capacity: tuple[int, ...]  # weekly capacity: initial, then one value per ramp step
    price: float
    currency: str
    lead_weeks: tuple[int, int]  # range drawn from


@dataclass(frozen=True)
class ProducerSpec:
    code: str
    name: str
    kind: str  # producer_large, producer_sme
    nation: str


PRODUCERS: tuple[ProducerSpec, ...] = (
    ProducerSpec("US-KEYSTONE", "Keystone Ordnance Works (fictional)", "producer_large", "USA"),
    ProducerSpec("US-LONESTAR", "Lone Star Artillery Systems (fictional)", "producer_large", "USA"),
    ProducerSpec("US-BUCKEYE", "Buckeye Precision Metal (fictional)", "producer_sme", "USA"),
    ProducerSpec("US-REDSTONE", "Redstone Rocket Systems (fictional)", "producer_large", "USA"),
    ProducerSpec("US-SUNBELT", "Sunbelt Missile Company (fictional)", "producer_large", "USA"),
    ProducerSpec("DE-RHEINLAND", "Rheinland Munitionswerke (fictional)", "producer_large", "DEU"),
    ProducerSpec("DE-LAUSITZ", "Lausitz Metallbau (fictional)", "producer_sme", "DEU"),
    ProducerSpec("DE-BODENSEE", "Bodensee Flugkoerper (fictional)", "producer_large", "DEU"),
    ProducerSpec("FR-BOURGES", "Bourges Armement (fictional)", "producer_large", "FRA"),
    ProducerSpec("GB-GLASCOED", "Glascoed Ordnance (fictional)", "producer_large", "GBR"),
    ProducerSpec("GB-SEVERN", "Severn Autonomy (fictional)", "producer_sme", "GBR"),
    ProducerSpec("PL-VISTULA", "Vistula Ammunition (fictional)", "producer_large", "POL"),
    ProducerSpec("PL-MAZOVIA", "Mazovia Drones (fictional)", "producer_sme", "POL"),
    ProducerSpec("CZ-MORAVA", "Morava Defence (fictional)", "producer_large", "CZE"),
    ProducerSpec("CZ-BRNO", "Brno Precision Shells (fictional)", "producer_sme", "CZE"),
    ProducerSpec("ES-MESETA", "Meseta Explosivos (fictional)", "producer_large", "ESP"),
    ProducerSpec("SK-TATRA", "Tatra Ordnance (fictional)", "producer_large", "SVK"),
    ProducerSpec("FI-NORDIC", "Nordic Munitions (fictional)", "producer_large", "FIN"),
    ProducerSpec("NO-FJORD", "Fjord Energetics (fictional)", "producer_sme", "NOR"),
    ProducerSpec("BE-MEUSE", "Meuse Ammunition (fictional)", "producer_sme", "BEL"),
    ProducerSpec("IT-PADANA", "Padana Armamenti (fictional)", "producer_large", "ITA"),
    ProducerSpec("KR-HANBIT", "Hanbit Defense (fictional)", "producer_large", "KOR"),
    ProducerSpec("BG-BALKAN", "Balkan Shell Works (fictional)", "producer_sme", "BGR"),
)

# US 155 mm, *public*: ~40,000 a month in mid-2025 (Army spokesman), goal 100,000 a month
# slipped to mid-2026. Demo assumption: 9,200 a week (40,000 a month) before the first ramp
# step, rising to 23,000 a week (100,000 a month) by the last step, i.e. a further slip.
_US155 = (9_200, 12_700, 16_100, 19_600, 23_000)


def _share(total: tuple[int, ...], share: float) -> tuple[int, ...]:
    return tuple(round(v * share) for v in total)


# EU 155 mm, *public*: 1 M a year reached Jan 2024, 2 M a year targeted end-2025. The demo's EU
# lines start at ~21,000 a week (≈1.1 M a year) and reach ~35,000 a week (≈1.8 M a year).
LINES: tuple[LineSpec, ...] = (
    LineSpec("US-155-A", "US-KEYSTONE", A155, "USA", _share(_US155, 0.5), 8000, "USD", (26, 52)),
    LineSpec("US-155-B", "US-LONESTAR", A155, "USA", _share(_US155, 0.35), 8200, "USD", (26, 52)),
    LineSpec("US-155-C", "US-BUCKEYE", A155, "USA", _share(_US155, 0.15), 8500, "USD", (26, 40)),
    LineSpec(
        "US-GMLRS",
        "US-REDSTONE",
        "ammo.rocket.gmlrs",
        "USA",
        (280, 330, 380),
        168_000,
        "USD",
        (52, 78),
    ),
    LineSpec(
        "US-PAC3",
        "US-SUNBELT",
        "missile.airdefence.pac3",
        "USA",
        (10, 12, 14),
        4_100_000,
        "USD",
        (78, 104),
    ),
    LineSpec(
        "US-JAV",
        "US-SUNBELT",
        "antitank.javelin",
        "USA",
        (80, 100, 120),
        200_000,
        "USD",
        (52, 65),
    ),
    LineSpec(
        "DE-155-A",
        "DE-RHEINLAND",
        A155,
        "DEU",
        (6_000, 8_000, 10_000, 11_000),
        6000,
        "EUR",
        (30, 52),
    ),
    LineSpec("DE-155-B", "DE-LAUSITZ", A155, "DEU", (1_500, 2_000, 2_500), 5500, "EUR", (26, 40)),
    LineSpec(
        "DE-IRIST",
        "DE-BODENSEE",
        "missile.airdefence.iris-t",
        "DEU",
        (4, 6, 8),
        400_000,
        "EUR",
        (78, 104),
    ),
    LineSpec("FR-155", "FR-BOURGES", A155, "FRA", (2_500, 3_200, 4_000), 6500, "EUR", (26, 40)),
    LineSpec(
        "FR-CAESAR",
        "FR-BOURGES",
        "system.artillery.caesar",
        "FRA",
        (1, 2, 3),
        5_000_000,
        "EUR",
        (52, 78),
    ),
    LineSpec("GB-155", "GB-GLASCOED", A155, "GBR", (400, 1_000, 2_000), 6000, "GBP", (39, 52)),
    LineSpec("GB-FPV", "GB-SEVERN", "drone.fpv", "GBR", (2_000, 4_000, 6_000), 350, "GBP", (4, 8)),
    LineSpec("PL-155", "PL-VISTULA", A155, "POL", (1_500, 2_200, 3_000), 25_000, "PLN", (30, 52)),
    LineSpec(
        "PL-FPV", "PL-MAZOVIA", "drone.fpv", "POL", (1_500, 3_000, 5_000), 2_000, "PLN", (4, 8)
    ),
    LineSpec("CZ-155", "CZ-MORAVA", A155, "CZE", (1_500, 2_000, 2_500), 5800, "EUR", (30, 52)),
    LineSpec(
        "CZ-152", "CZ-BRNO", "ammo.artillery.152mm", "CZE", (400, 600, 800), 3000, "EUR", (26, 39)
    ),
    LineSpec("ES-155", "ES-MESETA", A155, "ESP", (2_500, 3_000, 3_500), 5500, "EUR", (30, 52)),
    LineSpec("SK-155", "SK-TATRA", A155, "SVK", (2_500, 3_000, 3_500), 5300, "EUR", (30, 52)),
    LineSpec("FI-155", "FI-NORDIC", A155, "FIN", (1_000, 1_300, 1_600), 6200, "EUR", (30, 52)),
    LineSpec("NO-155", "NO-FJORD", A155, "NOR", (600, 800, 1_000), 70_000, "NOK", (30, 52)),
    LineSpec("BE-155", "BE-MEUSE", A155, "BEL", (1_000, 1_200, 1_500), 5600, "EUR", (30, 52)),
    LineSpec("IT-155", "IT-PADANA", A155, "ITA", (800, 1_000, 1_200), 6000, "EUR", (30, 52)),
    LineSpec("KR-155", "KR-HANBIT", A155, "KOR", (8_000, 9_000, 10_000), 4200, "USD", (26, 39)),
    LineSpec(
        "BG-122",
        "BG-BALKAN",
        "ammo.artillery.122mm",
        "BGR",
        (1_200, 1_500, 1_800),
        1800,
        "EUR",
        (20, 30),
    ),
)

#: Ramp steps fall on the first of the month this many months after the as-of date
#: (−7, −1, +5, +11: April 2026 to October 2027 for the default 2 November 2026).
RAMP_MONTHS: tuple[int, ...] = (-7, -1, 5, 11)


@dataclass(frozen=True)
class FundSpec:
    code: str
    name: str
    kind: str  # collective, national
    manager: str  # organisation code
    budget: float
    currency: str
    destination: str  # recipient, members
    items: tuple[str, ...]
    members: tuple[str, ...]
    lines: tuple[str, ...]  # lines it buys from in the demo
    spent: float  # share of the budget already ordered by the as-of date
    source: str


AGENCIES: tuple[ProducerSpec, ...] = (
    ProducerSpec("NSPA", "NATO Support and Procurement Agency", "agency", "LUX"),
    ProducerSpec("EU-EPF", "European Peace Facility (EU)", "fund_manager", EU_INSTITUTIONS),
    ProducerSpec("CZ-MOD", "Ministry of Defence of the Czech Republic", "fund_manager", "CZE"),
    ProducerSpec("US-DOD", "US Department of Defense", "fund_manager", "USA"),
    ProducerSpec("DE-BAAINBW", "German Federal Office of Bundeswehr Equipment", "agency", "DEU"),
    ProducerSpec("GB-MOD", "UK Ministry of Defence", "fund_manager", "GBR"),
)

FUNDS: tuple[FundSpec, ...] = (
    FundSpec(
        "F-155-COLLECTIVE",
        "Collective 155 mm ammunition fund",
        "collective",
        "NSPA",
        1_000_000_000,
        "USD",
        "recipient",
        (A155,),
        _t("NLD DNK NOR SWE CAN BEL PRT EST LVA LTU FIN"),
        ("DE-155-A", "FR-155", "ES-155", "KR-155", "SK-155"),
        0.45,
        "synthetic: size as announced for the demo (issue 2)",
    ),
    FundSpec(
        "F-EPF-AMMO",
        "European Peace Facility ammunition tranche (EPF-like)",
        "collective",
        "EU-EPF",
        2_000_000_000,
        "EUR",
        "recipient",
        (A155, "ammo.artillery.152mm", "ammo.mortar.120mm"),
        _t("DEU FRA ITA ESP NLD POL BEL SWE DNK FIN CZE ROU PRT SVK EST LVA LTU"),
        ("DE-155-B", "CZ-155", "PL-155", "BE-155", "IT-155", "FI-155"),
        0.4,
        "calibrated: EU 1 M shell plan, track 1 EUR 1 bn + track 2 EUR 1 bn (Council, 20 Mar 2023)",
    ),
    FundSpec(
        "F-CZ-INITIATIVE",
        "Czech-led ammunition initiative (Czech-initiative-like)",
        "collective",
        "CZ-MOD",
        1_500_000_000,
        "EUR",
        "recipient",
        (A155, "ammo.artillery.152mm", "ammo.artillery.122mm"),
        _t("CZE DNK NLD CAN NOR DEU BEL LTU PRT"),
        ("KR-155", "BG-122", "CZ-152"),
        0.5,
        "calibrated: Czech initiative, 800,000 shells identified, 500,000 funded for 2024",
    ),
    FundSpec(
        "F-USA-REPLENISH",
        "US stock replenishment (national budget)",
        "national",
        "US-DOD",
        3_100_000_000,
        "USD",
        "members",
        (A155, "ammo.rocket.gmlrs", "missile.airdefence.pac3", "antitank.javelin"),
        ("USA",),
        ("US-155-A", "US-155-B", "US-155-C", "US-GMLRS", "US-PAC3", "US-JAV"),
        0.5,
        "calibrated: USD 3.1 bn order of magnitude for 155 mm (Mar 2024, defensedaily.com)",
    ),
    FundSpec(
        "F-DEU-REPLENISH",
        "German stock replenishment (national budget)",
        "national",
        "DE-BAAINBW",
        1_200_000_000,
        "EUR",
        "members",
        (A155, "missile.airdefence.iris-t"),
        ("DEU",),
        ("DE-155-A", "DE-IRIST"),
        0.45,
        "synthetic",
    ),
    FundSpec(
        "F-AIRDEF-COALITION",
        "Air-defence coalition fund",
        "collective",
        "DE-BAAINBW",
        1_000_000_000,
        "EUR",
        "recipient",
        ("missile.airdefence.pac3", "missile.airdefence.iris-t"),
        _t("DEU NLD DNK NOR SWE FIN BEL"),
        ("US-PAC3", "DE-IRIST"),
        0.35,
        "synthetic",
    ),
    FundSpec(
        "F-IFU-DRONES",
        "International fund for Ukraine: drones (IFU-like)",
        "collective",
        "GB-MOD",
        600_000_000,
        "GBP",
        "recipient",
        ("drone.fpv",),
        _t("GBR NOR NLD DNK SWE LVA LTU"),
        ("GB-FPV", "PL-FPV"),
        0.3,
        "synthetic",
    ),
)

#: Scenario settings (Scenario.params). Policy weights are illustrative.
SCENARIOS: dict[str, tuple[str, int, dict[str, float | int | bool]]] = {
    "baseline": (
        "Status quo consumption at the calibrated rates (synthetic demo scenario).",
        52,
        {
            "readiness_weight": 1.0,
            "mu_burden": 0.0,
            "hard_targets": False,
            "consumption_weight": 10.0,
            "production_mean": 0.85,
            "production_sd": 0.1,
            "slip_probability": 0.25,
            "slip_weeks": 4,
            "surge_factor": 1.0,
            "surge_start_week": 0,
            "surge_weeks": 0,
        },
    ),
    "counteroffensive-surge": (
        "Consumption surges to 1.8 times the baseline for 10 weeks from week 6 "
        "(synthetic demo scenario).",
        52,
        {
            "readiness_weight": 0.5,
            "mu_burden": 0.0,
            "hard_targets": False,
            "consumption_weight": 10.0,
            "production_mean": 0.8,
            "production_sd": 0.15,
            "slip_probability": 0.35,
            "slip_weeks": 6,
            "surge_factor": 1.8,
            "surge_start_week": 6,
            "surge_weeks": 10,
        },
    ),
}

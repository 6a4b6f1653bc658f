"""Item category resolution: the label categories, a keyword table, catalogue aliases.

Each alias is a regular expression (case-insensitive) naming an item class; it carries a
category and a *rank*: brand and model names (``Bradley``, ``PzH 2000``) rank above class
nouns (``howitzers``), which rank above generic heads (``vehicles``, ``ammunition``). A noun
phrase takes the category of its highest-ranked alias; an ammunition head (``rounds``,
``shells``, ``missiles``) next to a system turns the system's category into its ammunition's
(HIMARS rockets, Patriot missiles). When a database is given, the catalogue items' names and
aliases join the table (rank 4) and capitalised model names are matched fuzzily with rapidfuzz
("Leopard2A6" → "Leopard 2").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from materiel.ingest import lexicon, prefilter
from materiel.records.catalogue import CATEGORIES

AMMO = "ammo-head"  # pseudo-category: rounds, shells, ammunition (resolved by context)
LAUNCHER = "launcher-head"  # pseudo-category: launchers, fire units (the system they belong to)

#: (regex, category, rank). Plural "s" is optional where written ``s?``.
KEYWORDS: list[tuple[str, str, int]] = [
    # ammunition heads (English, German, French)
    (
        r"rounds|shells|projectiles|ammunition|munitions?|cartridges|Munition|Schuss|Geschosse"
        r"|cartouches",
        AMMO,
        0,
    ),
    (r"rockets?|roquettes?", "rocket-artillery-ammunition", 1),
    (
        r"launchers?|fire\s+units?|Abschussrampen?|Startrampen?|Startgeräte?n?|Werfer"
        r"|Feuereinheiten|Feuereinheit|Trägerraketen?|lanceurs?|rampes?|unités?\s+de\s+tir"
        r"|lanciatori|lanciatore|unidades?\s+de\s+(?:fuego|tiro)"
        r"|lanzadores?|lançadores?|batter(?:y|ies)|Batterien?|batteries?|bater[ií]as?",
        LAUNCHER,
        0,
    ),
    (
        r"missiles?|missiler|interceptors?|intercepteurs?|interceptores|intercettori"
        r"|Lenkflugkörpern?|Flugkörpern?|Raketen",
        "air-defence-missile",
        0,
    ),
    # artillery
    (
        r"(?:self-propelled\s+)?howitzers?|artillery\s+(?:systems?|pieces?|guns?)"
        r"|(?:Panzer)?[Hh]aubitzen?|Artilleriesysteme?|Artilleriegeschütze?|Geschütze?"
        r"|obusiers?|canons?(?:\s+automoteurs?)?|pièces?\s+d['’]artillerie|automoteurs?",
        "artillery-system",
        2,
    ),
    (
        r"M777s?|CAESARs?|Caesars?|PzH\s?2000s?|Panzerhaubitzen?\s?2000|AS-?90s?|Archers?|Krabs?"
        r"|Zuzanas?(?:-?2)?|Dana|Bohdanas?|FH-?70s?|M109s?(?:A\d)?|D-30s?|2S1s?|2S3s?|RCH\s?155"
        r"|M119s?|L119s?|mortars?(?:\s+systems?)?|Mörser|mortiers?|TRF1|2S19s?|2S7s?|Msta"
        r"|Granatwerfern?",
        "artillery-system",
        3,
    ),
    (
        r"artillery\s+(?:ammunition|shells|rounds|munitions|projectiles)|mortar\s+(?:rounds|bombs"
        r"|shells)|shells?|(?:artillery\s+)?ammunition\s+for\s+howitzers|Artilleriemunition"
        r"|Artilleriegranaten|Artilleriegeschosse|Granaten|Mörsergranaten|Mörsermunition|obus"
        r"|munitions?\s+d['’]artillerie|obus\s+d['’]artillerie|Großkalibermunition"
        r"|Grosskalibermunition",
        "artillery-ammunition",
        2,
    ),
    (r"artillery|Artillerie|artillerie", "artillery-system", 1),
    # rocket artillery
    (
        r"HIMARS|High\s+Mobility\s+Artillery\s+Rocket\s+Systems?|M142s?|M270s?(?:\s+MLRS)?|MLRS|MARS\s?II|RM-?70s?|multiple\s+(?:launch\s+)?rocket"
        r"\s+(?:launchers?|systems?)|rocket\s+launchers?|BM-21s?|Grads?|(?:Mehrfach)?[Rr]aketenwerfer"
        r"|Raketenartillerie|lance-roquettes?(?:\s+multiples?|\s+unitaires?)?|LRU|Vampires?"
        r"|systèmes?\s+(?:mobiles?\s+)?de\s+lancement\s+de\s+roquettes(?:\s+multiples)?"
        r"|systèmes?\s+de\s+roquettes\s+(?:à\s+lancements?\s+multiples|multiples)",
        "rocket-artillery-system",
        3,
    ),
    (
        r"GMLRS|ATACMS|guided\s+multiple\s+launch\s+rocket\s+system\s+rockets|M30A1|M31"
        r"|GLSDBs?|Ground[-\s]Launched\s+Small[-\s]Diameter\s+Bombs?",
        "rocket-artillery-ammunition",
        4,
    ),
    # air defence: MANPADS and anti-aircraft guns are systems, also when called missiles
    (
        r"(?:Stingers?|Igla|Piorun|Mistral|Starstreak|Strela|RBS[-\s]?70|Martlets?)"
        r"(?:\s+(?:air[-\s]defen[cs]e\s+)?(?:missiles?|MANPADS|systems?|launchers?|units?"
        r"|Flugabwehrraketen|missiles?\s+sol-air))?|MANPADS|man-portable\s+air[-\s]defen[cs]e"
        r"(?:\s+systems?)?|Gepards?(?:\s+(?:anti-aircraft\s+)?(?:guns?|tanks?|systems?))?"
        # shoulder-launched missiles by what they are, in EN, DE, FR
        r"|shoulder[-\s](?:launched|fired)\s+(?:anti-aircraft\s+|surface-to-air\s+)?missiles?"
        r"|tragbaren?\s+Flugabwehr\w*|Fliegerfäuste?|missiles?\s+(?:sol-air\s+)?portatifs?"
        r"|Flugabwehrkanonenpanzer(?:\s+Gepard)?|Skynex|Skyguard|Oerlikon",
        "air-defence-system",
        4,
    ),
    (
        r"Patriot(?:\s+(?:air\s+defen[cs]e\s+)?(?:systems?|batter(?:y|ies)|launchers?|units?"
        r"|fire\s+units?|Systeme?|Batterien?|Startgeräte))?"
        r"|NASAMS|National\s+Advanced\s+Surface-to-Air\s+Missile\s+Systems?"
        r"|IRIS-T(?:\s+SLM|\s+SLS)?|SAMP[/-]?T(?:\s+MAMBA)?|MAMBA|HAWK(?:\s+launchers?)?|Hawk"
        r"|Avengers?|Crotale|2K12(?:\s+KUB)?|Kub|S-300s?|S-125|Buk|Stormer|(?-i:Osa|OSA)|Aspide|Spada"
        r"|air[-\s]defen[cs]e\s+(?:systems?|batter(?:y|ies)|units?|launchers?|guns?)"
        r"|anti-aircraft\s+(?:missile\s+)?(?:guns?|systems?)|(?:air[-\s]defen[cs]e|surface-to-air)"
        r"\s+missile\s+systems?|Flugabwehrsysteme?|Luftverteidigungssysteme?"
        r"|Flugverteidigungssysteme?n?|Flakpanzern?"
        r"|Flugabwehrpanzer|Flugabwehrkanonen|systèmes?\s+de\s+défense\s+(?:anti-?)?a[ée]rien(?:ne)?s?|défense\s+sol-air"
        r"|systèmes?\s+sol-air|canons?\s+anti-?aériens?",
        "air-defence-system",
        3,
    ),
    (
        r"air[-\s]defen[cs]es?|Flugabwehr|Luftverteidigung|défense\s+(?:anti-?)?a[ée]rien(?:ne)?s?|défense\s+sol-air"
        r"|anti-?a[ée]riens?|anti-?a[ée]riennes?|anti-aircraft",
        "air-defence-system",
        1,
    ),
    (
        r"(?:air[-\s]defen[cs]e|surface-to-air|anti-aircraft)\s+(?:missiles?|interceptors?)"
        r"(?!\s+(?:systems?|batter(?:y|ies)|launchers?))|AIM-9\w*|AIM-7\w*|AIM-120\w*|Sidewinders?|Sea\s+Sparrows?|RIM-7\w*|PAC-[23]\w*"
        r"|AMRAAMs?|ASRAAMs?|ESSMs?"
        r"|Flugabwehrraketen|Flugabwehrlenkflugkörper|Abwehrraketen|missiles?\s+sol-air"
        r"|missile\s+interceptors?|interceptor\s+missiles?|misiles\s+interceptores"
        r"|missiles?\s+(?:de\s+)?défense\s+(?:anti-?)?a[ée]rien(?:ne)?s?|Lenkflugkörper\s+für",
        "air-defence-missile",
        4,
    ),
    # anti-tank
    (
        r"anti-tank\s+grenade\s+launchers?|Javelins?|NLAWs?|AT-?4s?|TOWs?|Carl[-\s]Gustafs?"
        r"|Panzerfausts?|Panzerfäuste|Stugnas?|Milans?|Spikes?|RPG-\d+s?|M-?72s?(?:\s+LAWs?)?"
        # air-launched anti-armour missiles (Brimstone, Hellfire), also fired from the ground
        r"|(?:Brimstone|Hellfire)s?(?:[-\s](?:missiles?|Raketen|Lenkflugkörper))?"
        r"|anti-(?:tank|armou?r)\s+(?:weapons?|weaponry|missiles?|systems?|launchers?|rockets?"
        r"|munitions|capabilit(?:y|ies))"
        r"|recoilless\s+rifles?|Panzerabwehrwaffen|Panzerabwehrraketen|Panzerabwehrwaffen"
        r"|Panzerabwehr|armes?\s+anti-?chars?|missiles?\s+anti-?chars?|anti-?chars?",
        "anti-tank-weapon",
        4,
    ),
    # tanks
    (
        r"(?:main\s+battle\s+)?(?<!think\s)(?<!think-)tanks?(?!\s+(?:truck|trailer)s?\b)|Kampfpanzer"
        r"|Panzer|chars?(?:\s+(?:de\s+combat|lourds?))?",
        "main-battle-tank",
        2,
    ),
    (
        r"Leopard(?:\s?-?[12](?:\s?A\d+)?)?s?|Abrams|M1A[12]s?|Challenger(?:\s?2)?s?"
        r"|T-72s?(?:\w+)?|T-64s?|T-55s?|PT-91s?|Twardys?|Leclercs?|Stridsvagn\s?\d+|M-?55S",
        "main-battle-tank",
        3,
    ),
    # armoured vehicles
    (
        r"Bradleys?(?:\s+(?:Fighting|infantry\s+fighting)\s+Vehicles?)?|M113s?|Strykers?|Marders?"
        r"|CV90s?(?:\d+)?|BMP-?\ds?|BVP-?\ds?|MRAPs?|MaxxPros?|Mastiffs?|Huskys?|Husky|Bushmasters?|Hawkeis?"
        r"|Senators?|Roshels?|M-ATVs?|Cougars?|Saxons?|Spartans?|FV\d+s?|YPR-765s?|Piranhas?"
        r"|Wolfhounds?|Vikings?|BTR-\d+s?|Pandurs?|Patrias?|AMX-10(?:\s?RC)?s?|VABs?|Lynx|Dingos?"
        r"|Fuchs|Bisons?|M577s?|Pbv\s?302|Bv206s?|Dingo|Kirpis?|Mamba|ACMAT|Bastion|PVP|VBL"
        r"|M1117s?|Mine[-\s]Resistant\s+Ambush[-\s]Protected(?:\s+\(MRAP\))?(?:\s+vehicles?)?",
        "armoured-vehicle",
        3,
    ),
    (
        r"(?:infantry\s+fighting|armou?red(?:\s+personnel)?|combat|armou?red\s+combat)\s+vehicles?"
        r"|armou?red\s+personnel\s+carriers?|APCs?|IFVs?|armou?red\s+(?:cars?|carriers?)"
        r"|armou?red\s+infantry\s+(?:carriers?|vehicles?)|infantry\s+carriers?"
        r"|armou?red\s+(?:recovery|security|reconnaissance|utility|patrol|engineering|tactical)"
        r"\s+vehicles?"
        r"|(?:armou?red\s+)?recovery\s+vehicles?|Truppentransporter|chars?\s+de\s+dépannage"
        r"|Schützenpanzer|Transportpanzer|Radpanzer|Spähpanzer|Mannschaftstransportwagen"
        r"|gepanzerte\w*\s+Fahrzeug\w*|geschützte\w*\s+Fahrzeug\w*|véhicules?\s+blindés?"
        r"|véhicules?\s+de\s+combat(?:\s+d['’]infanterie)?|blindés?|chars?\s+légers?",
        "armoured-vehicle",
        2,
    ),
    (
        r"(?:gepanzerte[n]?|armou?red)\s+(?:Humvees?|HMMWVs?|cars?|trucks?|Fahrzeuge\w*"
        r"|Geländewagen|Pkw|ambulances?|medical\s+(?:treatment\s+)?vehicles?)",
        "armoured-vehicle",
        4,
    ),
    # small arms
    (
        r"rifles?|machine\s+guns?|small\s+arms|sniper\s+rifles?|pistols?|grenade\s+launchers?|handguns?"
        r"|Gewehre|Sturmgewehre|Maschinengewehre|Handfeuerwaffen|Pistolen|fusils?(?:\s+d['’]assaut)?"
        r"|mitrailleuses?|armes?\s+légères|armes?\s+de\s+petit\s+calibre|Handwaffen|Kleinwaffen"
        r"|armas\s+pequeñas|armi\s+leggere",
        "small-arms",
        2,
    ),
    (
        r"small[-\s]arms\s+(?:ammunition|rounds|munitions|cartridges)|rifle\s+(?:ammunition|rounds)"
        r"|Handwaffenmunition|Handmunition|Gewehrmunition|Kleinkalibermunition|Patronen"
        r"|munitions?\s+de\s+petit\s+calibre"
        r"|(?:ammunition|rounds|cartridges)\s+for\s+(?:small|light)\s+(?:automatic\s+)?(?:arms|weapons)"
        r"|small(?:er)?[-\s]calib(?:re|er)\s+(?:ammunition|rounds)|machine[-\s]gun\s+(?:ammunition|rounds)",
        "small-arms-ammunition",
        4,
    ),
    # drones
    (
        r"drones?|UAVs?|UASs?|(?:unmanned|uncrewed)\s+(?:aerial|aircraft|surface|maritime)\s+(?:vehicles?|systems?|"
        r"vessels?)|Switchblades?(?:\s?\d+)?|Phoenix\s+Ghosts?|Pumas?|Bayraktars?|TB2s?|ScanEagles?"
        r"|loitering\s+munitions?|Black\s+Hornets?|Vector\s+drones?|Drohnen|\w+drohnen"
        r"|drone\s+coalition|Drohnenkoalition|unmanned\s+(?:aerial\s+|aircraft\s+)?systems?"
        r"|Kamikaze-Drohnen|munitions?\s+rôdeuses?|unbemannte\w*\s+Luftfahrzeug\w*"
        r"|(?:appareils|aéronefs|véhicules)\s+(?:aériens\s+)?sans\s+pilote",
        "drone",
        3,
    ),
    # aircraft
    (
        r"F-16s?|fighter\s+(?:jets?|aircraft)|MiG-29s?|Su-25s?|Gripens?|Mirages?(?:\s?2000(?:-5)?)?"
        r"|jets|aircraft|planes?|Kampfjets?|Kampfflugzeuge?|Flugzeuge?|avions?(?:\s+de\s+(?:combat"
        r"|chasse))?|chasseurs?",
        "aircraft",
        2,
    ),
    (
        r"helicopters?|Mi-\d+s?|Sea\s+Kings?|Black\s?Hawks?|Hubschrauber|Helikopter|hélicoptères?",
        "helicopter",
        3,
    ),
    (
        r"patrol\s+boats?|boats?|minehunters?|mine\s?hunters?|vessels?|frigates?|corvettes?"
        r"|Harpoons?(?:\s+(?:coastal\s+defen[cs]e\s+)?systems?)?|Neptunes?|Boote|Schiffe"
        r"|Minenjagdboote|Patrouillenboote|Booten|Schiffen|navires?|bateaux|vedettes?|navy|marine"
        r"|buques?|barcos?|navios?|submarines?|warships?|minesweepers?|U-Boote?|sous-marins?"
        r"|submarinos?|sottomarin[oi]|navi\s+da\s+guerra",
        "naval",
        2,
    ),
    (
        r"trucks?|vehicles?|HMMWVs?|Humvees?|jeeps?|pickups?|pick-ups?|tractors?|trailers?"
        r"|fuel\s+tankers?|Lkw|LKW|Lastwagen|Lastkraftwagen|Fahrzeuge?|Geländewagen|camions?"
        r"|véhicules?|Pkw|PKW|Personenkraftwagen|véhicules?\s+4x4|4x4|pick-up"
        # engineering machines (the labels: vehicles)
        r"|excavators?|bulldozers?|Bagger|Gabelstapler|forklifts?|excavadoras?|pelleteuses?",
        "vehicle",
        1,
    ),
    (
        r"de-?mining(?:\s+equipment|\s+vehicles?|\s+machines?|\s+coalition)?|demine[ds]?"
        r"|mine\s+action(?:\s+coalition)?|mine[-\s]clear(?:ing|ance)(?:\s+"
        r"equipment|\s+vehicles?)?|mine\s+detectors?|mine-?protected|Minenräum\w*|déminage"
        r"|minefield\s+breaching|(?:explosive\s+ordnance|bomb)\s+disposal",
        "demining",
        4,
    ),
    (
        r"medical\s+(?:supplies|equipment|kits?)|first[-\s]aid\s+kits?"
        r"|field\s+hospitals?|tourniquets?|Sanitätsmaterial|Feldlazarette?"
        r"|matériel\s+médical|hôpitaux\s+de\s+campagne|équipements?\s+médicaux|stretchers"
        r"|Tragen|brancards|camillas|medicines|Medikamente|médicaments|medicinas|bandages"
        r"|Verbandsmaterial|primeros\s+auxilios|first[-\s]aid|material\s+sanitario"
        r"|equipamentos?\s+m[eé]dicos?|Erste-Hilfe-\w+|medical\s+evacuation\s+(?:equipment"
        r"|vehicles?)|trousses?\s+de\s+(?:premiers\s+)?secours",
        "medical",
        4,
    ),
    (
        r"night[-\s]vision(?:\s+devices?|\s+goggles)?|body\s+armou?r|helmets?|radars?|counter-"
        r"(?:artillery|battery|mortar)\s+radars?|Starlink(?:\s+terminals?)?|satellite\s+"
        r"(?:services|terminals?|imagery)|communications?\s+equipment|generators?|winter\s+gear"
        r"|uniforms?|uniformes|Uniformen|grenades?|Claymores?|explosives?|JDAMs?"
        r"|precision\s+aerial\s+munitions"
        r"|Storm\s+Shadows?|SCALP|Taurus|cruise\s+missiles?|glide\s+bombs?|bombs?|spare\s+parts|spares|tents|Zelte|tentes"
        r"|Zuni\s+rockets|Hydra-70\s+rockets|laser-guided\s+rockets?|APKWS|electronic\s+warfare"
        r"|air\s+surveillance\s+radars?|counter-drone\s+systems?|anti-drone\s+systems?"
        r"|Radargeräte|Radare?|Schutzwesten|Helme|Winterausrüstung|Nachtsichtgeräte|Generatoren"
        r"|Marschflugkörper|Handgranaten|gilets?\s+pare-balles|casques?|missiles?\s+de\s+croisière"
        r"|bombes?|générateurs?|Hammer(?:\s+(?:guided\s+)?bombs?)?|CRV7|tents?|Zelte|tentes?"
        r"|(?:food\s+)?rations|Rationen|rations\s+alimentaires|sleeping\s+bags|Schlafsäcke"
        r"|sacs\s+de\s+couchage|instructors|Ausbilder|instructeurs|(?:military\s+)?training"
        r"|Ausbildung|formation|entrenamiento|formación|treinamento|maintenance|Wartung"
        r"|explosives|Sprengstoff|explosifs|camouflage|Tarnnetze|fuel|Treibstoff|carburant"
        r"|ammunition\s+for\s+tanks|Ersatzteil\w*|pièces\s+de\s+rechange|repuestos"
        r"|pezzi\s+di\s+ricambio|reservedele|reservdelar|winter\s+(?:clothing|equipment|kits?)"
        r"|Winterkleidung|thermal\s+(?:imagers|imaging\s+(?:devices|cameras))|Wärmebildgeräte"
        r"|gas\s+masks|Gasmasken|masques\s+à\s+gaz|ballistic\s+vests|bulletproof\s+vests|flak\s+jackets?"
        r"|personal\s+protective\s+equipment|vision\s+nocturne|communications?\s+systems?"
        r"|satellite\s+communications?|anti-(?:radar|radiation)\s+missiles|(?-i:HARMs?)|AGM-88\w*"
        r"|counter-UAS|C-UAS|anti-?drones?|Antidrohnen\w*|Drohnenabwehr\w*|sensors|Sensoren"
        r"|blankets|Wolldecken|Heizgeräte|heaters|(?:replacement|spare|gun)\s+barrels|Ersatzrohre"
        r"|counter-drone\s+(?:capabilit(?:y|ies)|equipment|means)|(?:engineering|construction)"
        r"\s+equipment",
        "other-military",
        3,
    ),
    # German and French words for what the lists above read in English (session 26), and the
    # engineering vehicles of all three
    (
        r"Brückenleg\w*|Bergepanzer\w*|Pionierpanzer\w*|Transportpanzer\w*"
        r"|(?:Mannschafts|Truppen)transporter\w*|gepanzerte\w*\s+(?:Krankenwagen|Fahrzeug\w*"
        r"|Mannschaftstransporter\w*|Truppentransporter\w*)|bridge[-\s]?lay(?:ing|ers?)"
        r"(?:\s+(?:tanks?|vehicles?))?|armou?red\s+(?:recovery|engineering)\s+vehicles?"
        r"|véhicules?\s+blindés?\s+du\s+génie|poseurs?\s+de\s+ponts?",
        "armoured-vehicle",
        4,
    ),
    (
        r"Wärmebild\w*|Nachtsicht\w*|Schutzanz\w*|Schutzausrüstung\w*|Winterbekleidung"
        r"|Funkgerät\w*|(?:Anti)?[Pp]anzerminen|(?:anti-tank|anti-personnel)\s+mines"
        r"|Drohnen-Abwehr\w*|Anti-Drohnen-\w+|elektronische\w*\s+Kampfführung"
        r"|elektronische\w*\s+Kriegsführung|tubes?\s+de\s+canons?|canons?\s+de\s+rechange"
        r"|capteurs?(?:\s+électro-optiques)?|caméras?\s+thermiques?|jumelles?\s+de\s+vision"
        r"|lunettes?\s+de\s+vision|vêtements?\s+d['’]hiver|équipements?\s+d['’]hiver"
        r"|tenues?\s+d['’]hiver|ponts?\s+(?:de\s+campagne|mobiles?|flottants?)"
        r"|guerre\s+électronique|mines\s+antichars",
        "other-military",
        4,
    ),
    (r"Feldkrankenh\w*|Militärkrankenh\w*|hôpital\s+de\s+campagne", "medical", 4),
    (
        r"Räumung\s+von\s+(?:Land)?[Mm]inen|Entminung\w*|détecteurs?\s+de\s+mines",
        "demining",
        4,
    ),
    (r"munitions?\s+(?:antiblindées?|antichars?)", "anti-tank-weapon", 4),
    (r"munitions?\s+télé-?opérées?", "drone", 4),
]

#: Spanish and Portuguese item words (few texts; the commonest classes only)
IBERIAN: list[tuple[str, str, int]] = [
    (r"munici[oó]n(?:es)?|muni[cç][aã]o|muni[cç][oõ]es|proyectiles|proj[eé]teis", AMMO, 0),
    (
        r"obuses|obús|obuseiros?|ca[ñn]ones|canh[oõ]es|piezas\s+de\s+artiller[ií]a",
        "artillery-system",
        2,
    ),
    (r"proyectiles\s+de\s+artiller[ií]a|granadas\s+de\s+artilharia", "artillery-ammunition", 3),
    (r"tanques|carros\s+de\s+combate|blindados\s+de\s+combate", "main-battle-tank", 2),
    (
        r"veh[ií]culos\s+blindados|ve[ií]culos\s+blindados|blindados|transportes\s+blindados",
        "armoured-vehicle",
        2,
    ),
    (
        r"sistemas?\s+de\s+defensa\s+a[eé]rea|sistemas?\s+de\s+defesa\s+a[eé]rea"
        r"|defensa\s+antia[eé]rea|defesa\s+antia[eé]rea|sistemas?\s+de\s+misiles\s+tierra-aire",
        "air-defence-system",
        3,
    ),
    (r"misiles|m[ií]sseis", "air-defence-missile", 0),
    (r"drones|aviones(?:\s+de\s+combate)?|avi[oõ]es(?:\s+de\s+combate)?|cazas", "aircraft", 1),
    (r"helic[oó]pteros", "helicopter", 3),
    (r"camiones|cami[oõ]es|veh[ií]culos|ve[ií]culos|veh[ií]culos\s+log[ií]sticos", "vehicle", 1),
    (
        r"lanzagranadas(?:\s+contracarros?)?|armamento\s+contra\s+carros?|contracarros?"
        r"|misiles\s+contracarros?|antitanque",
        "anti-tank-weapon",
        4,
    ),
    (r"ametralladoras?|metralhadoras?|fusiles|fuzis|armas\s+ligeras", "small-arms", 2),
    (r"cartuchos|munici[oó]n\s+de\s+(?:fusil|armas\s+ligeras)", "small-arms-ammunition", 3),
    (r"veh[ií]culos\s+acorazados(?:\s+de\s+infanter[ií]a)?|acorazados", "armoured-vehicle", 3),
    (r"munici[oó]n\s+de\s+artiller[ií]a|obuses\s+de\s+artiller[ií]a", "artillery-ammunition", 3),
    (r"desminado|desminagem", "demining", 4),
    (r"material\s+m[eé]dico", "medical", 4),
    # unarmoured ambulances are vehicles (the labelling convention)
    (
        r"ambulances?|ambulancias|ambul[aâ]ncias|ambulanze|Sanitätsfahrzeuge?n?|Krankenwagen"
        r"|ambulans\w*|medical\s+(?:treatment\s+)?vehicles?|véhicules?\s+sanitaires?",
        "vehicle",
        4,
    ),
    (r"generadores|geradores|cascos|chalecos|capacetes|coletes", "other-military", 2),
]

#: item words of other European languages (Nordic, Dutch, Italian, Polish, Czech, Baltic,
#: South Slavic, Greek, Ukrainian, Russian): the commonest classes only
OTHER_LANGS: list[tuple[str, str, int]] = [
    (
        r"munitie|amunicj\w*|munic[ei]\w*|muníci\w*|munizion\w*|proiettil\w*|πυρομαχικ\w*|боєприпас\w*"
        r"|боеприпас\w*|šovin\w*",
        AMMO,
        0,
    ),
    (
        r"artilleri|artilleriet|artiglieria|dělostřel\w*|artyleri\w*|πυροβολικ\w*",
        "artillery-system",
        1,
    ),
    (
        r"haubits\w*|houwitser\w*|haubic\w*|houfnic\w*|obic[ei]|mortai|moździerz\w*|minomet\w*"
        r"|bombekaster\w*|granatkastare?\w*|mortieren|гаубиц\w*|миномет\w*|міномет\w*"
        r"|artillerisystem\w*",
        "artillery-system",
        2,
    ),
    (
        r"artillerigranat\w*|granater|artilleriammunition|snaryad\w*|снаряд\w*",
        "artillery-ammunition",
        2,
    ),
    (
        r"stridsvogn\w*|stridsvagn\w*|kampvogn\w*|czołg\w*|tenkov\w*|tenk\w*|carri\s+armati"
        r"|tanky|tanků|танк\w*|тенк\w*|tank(?:lar|ı|ları)\w*|άρματα",
        "main-battle-tank",
        2,
    ),
    (
        r"pantservoertuig\w*|stridsfordon\w*|pansarbandvagn\w*|pansarfordon\w*|panserkjøret\w*"
        r"|pansrede\s+køretøjer|oklepnik\w*|oklopn\w*|šarvuoč\w*|cingolati|blindat[io]"
        r"|transporter\w*\s+opancerz\w*|wozów\s+BWP|BWP|бронетехні\w*|бронетехни\w*|бронемашин\w*"
        r"|БТР\w*|ББМ",
        "armoured-vehicle",
        2,
    ),
    (
        r"luchtafweer\w*|luftvärn\w*|luftvern\w*|luftforsvar\w*|luftförsvar\w*|luftværn\w*"
        r"|obron\w*\s+(?:przeciwlotnicz|powietrzn)\w*"
        r"|protivzdušn\w*|difesa\s+(?:aerea|antiaerea)|ilmatorju\w*|oro\s+gynyb\w*"
        r"|протиповітрян\w*|ППО|ПВО|зенитн\w*|зеніт\w*|αντιαεροπορικ\w*",
        "air-defence-system",
        3,
    ),
    (r"missili|ohjus\w*|ракет\w*", "air-defence-missile", 0),
    (
        r"pansarvärn\w*|panservern\w*|pansarskott\w*|panserskudd\w*|panserværn\w*|antitank\w*"
        r"|przeciwpancern\w*"
        r"|protitank\w*|anticarro|протитанков\w*|противотанков\w*",
        "anti-tank-weapon",
        4,
    ),
    (
        r"droner|drönare|droni|dronów|dronami|drony|dronov\w*|bezzałogow\w*|дрон\w*|безпілотн\w*"
        r"|беспилотн\w*|БПЛА|drooni\w*|μη\s+επανδρωμέν\w*",
        "drone",
        3,
    ),
    (
        r"karabin\w*|gevær\w*|gevär|automatgevär\w*|šautuv\w*|fucili|mitragliatric\w*",
        "small-arms",
        2,
    ),
    (
        r"hjälmar|hjelmer|hełm\w*|šalm\w*|kroppsskydd|skuddsikre\s+vester|kamizel\w*"
        r"|liemen\w*|esplosivi|fältransoner|feltrasjon\w*|kroppsskjold\w*|vinterutrustning"
        r"|vinterbekledning\w*"
        r"|vinterutstyr|radarer|radary|radarů|генератор\w*|generatorer|generatory|agregat\w*",
        "other-military",
        2,
    ),
    (r"feltsykehus\w*|fältsjukhus\w*|veldhospita\w*", "medical", 3),
    (
        r"minerydning\w*|minröjning\w*|ontmijning\w*|rozminow\w*|розмінув\w*|разминир\w*",
        "demining",
        4,
    ),
    (
        r"lastebil\w*|lastbil\w*|vrachtwagen\w*|ciężarówek|ciężarówki|camioane|вантажів\w*",
        "vehicle",
        1,
    ),
    # --- numbers helper: more item words of other languages (Nordic, Dutch, Italian, Slavic,
    # Baltic, Greek, Turkish, Arabic), appended
    # Nordic
    (
        r"luftvern(?:s)?missil\w*|luftforsvarsmissil\w*|luftvärnsrobot\w*|luftvärnsmissil\w*",
        "air-defence-missile",
        4,
    ),
    (
        r"stridsbåt\w*|gruppbåt\w*|patruljebåt\w*|patrullbåt\w*|minesveip\w*|kampfartøy\w*",
        "naval",
        3,
    ),
    (r"sjukvårdsmaterial|sanitetsmateriel|sanitetsmateriell|medicinsk\w*\s+udstyr", "medical", 3),
    (r"sjukvårdsfordon|køretøjer|kjøretøy\w*|terrängbil\w*", "vehicle", 1),
    # ("radar", "radars", "radarer" and "esplosivi" are in the lists above)
    (r"radarsystem\w*|radarar", "other-military", 2),
    (r"artilleripjäs\w*|artilleriskyts|kanoner", "artillery-system", 2),
    # Dutch
    (r"\w+houwitser\w*", "artillery-system", 2),
    (r"(?:lucht|raket)verdedigingssyste\w*|patriot-?systemen", "air-defence-system", 3),
    (
        r"munitie\s+voor\s+artillerie|artilleriemunitie|artilleriegranaten",
        "artillery-ammunition",
        3,
    ),
    # Italian
    (
        r"veicoli\s+(?:da\s+combattimento|corazzati|blindati)(?:\s+di\s+fanteria)?",
        "armoured-vehicle",
        3,
    ),
    (r"granate(?:\s+fumogene)?|giubbott\w*|elmetti", "other-military", 2),
    (r"obici|cannoni|semoventi", "artillery-system", 2),
    (
        r"proiettili\s+di\s+artiglieria|munizioni\s+(?:di|per\s+l['’])\s*artiglieria",
        "artillery-ammunition",
        3,
    ),
    # Slavic and Baltic
    (
        r"munície\s+pre\s+delostrel\w*|delostreleck\w*\s+munícia\w*|dělostřeleck\w*\s+munic\w*"
        r"|amunicj\w*\s+artyleryjsk\w*|artyleryjsk\w*\s+amunicj\w*|pociski\s+artyleryjskie",
        "artillery-ammunition",
        3,
    ),
    (r"protuzračn\w*|przeciwlotnicz\w*|protivvzdušn\w*|protiletal\w*", "air-defence-system", 3),
    (
        r"višecevn\w*\s+raketn\w*\s+lanser\w*|višecijevn\w*\s+\w+|РСЗВ|реактивн\w*\s+систем\w*\s+залпов\w*",
        "rocket-artillery-system",
        4,
    ),
    (
        r"ručních\s+zbraní|ruční\w*\s+zbran\w*|broń\s+strzelec\w*|стрілец\w*\s+зброї|стрелков\w*\s+оружи\w*",
        "small-arms",
        3,
    ),
    (
        r"zdravotní\w*\s+materiál\w*|zdravotnick\w*\s+materiál\w*|sprzęt\w*\s+medyczn\w*|медичн\w*",
        "medical",
        3,
    ),
    (
        r"vrtulník\w*|śmigłowc\w*|helikopter\w*|vrtuľník\w*|sraigtasparn\w*|гелікоптер\w*|вертол[её]т\w*",
        "helicopter",
        3,
    ),
    (r"гаубиц\w*|гаубиці|гармат\w*|орудия", "artillery-system", 2),
    # Greek
    (r"πυροβόλα|πυροβόλων", "artillery-system", 2),
    (r"ελικόπτερ\w*", "helicopter", 3),
    (r"τεθωρακισμέν\w*|τεθωρακισμένα\s+οχήματα|ΤΟΜΑ|BMP-?1", "armoured-vehicle", 2),
    # Turkish
    (r"hava\s+savunma\s+sistem\w*", "air-defence-system", 3),
    (r"insansız\s+hava\s+(?:sistem|araç|arac)\w*|İHA|SİHA", "drone", 3),
    (r"miğfer\w*|jeneratör\w*|duman\s+maske\w*", "other-military", 2),
    (r"obüs\w*|top\s+mermisi", "artillery-system", 2),
    # Arabic
    (r"بنادق\s+مدفعي\w*|مدافع|مدفع", "artillery-system", 2),
    (r"بندقي\w*|بنادق", "small-arms", 2),
    (r"طلق\w*|ذخير\w*", "small-arms-ammunition", 1),
    (r"قوارب|زوارق", "naval", 2),
]

#: German compound words: a known head at the end of a longer noun ("Angriffsdrohnen",
#: "Nebelgranaten", "Bodenüberwachungsradare"), or a known first part ("Flugabwehrwaffen",
#: "Minenräumsystemen"); matched only where no keyword matched the whole word
GERMAN_COMPOUNDS: list[tuple[str, str, int]] = [
    (
        r"(?:Flugabwehr|Luftverteidigungs|Luftabwehr)(?:munition|raketen|lenkflugkörper)(?!system)\w*"
        r"|Patriot-?(?:Raketen|Munition|Lenkflugkörper)|Abfangraketen|Flak\w*munition",
        "air-defence-missile",
        4,
    ),
    (
        r"(?:Flugabwehr|Luftverteidigungs|Flugverteidigungs|Luftabwehr|Flugabwehrraketen)\w+",
        "air-defence-system",
        2,
    ),
    (r"Panzerabwehr\w+", "anti-tank-weapon", 3),
    (r"Minenräum\w+|Minenraum\w+|Entminungs\w+", "demining", 3),
    (r"Sanitäts\w+", "medical", 3),
    (r"Artillerie\w*(?:haubitzen?|geschütze?n?|systeme?n?|waffen)", "artillery-system", 3),
    (r"[A-ZÄÖÜ]\w+haubitzen?|(?<=-)(?:Haubitzen?|Geschütze)", "artillery-system", 2),
    (r"[A-ZÄÖÜ]\w+(?:granaten|geschosse)", "artillery-ammunition", 2),
    (r"[A-ZÄÖÜ]\w*[Mm]unition", AMMO, 0),
    (r"[A-ZÄÖÜ]\w+drohnen\w*|(?<=-)Drohnen", "drone", 2),
    (
        r"[A-ZÄÖÜ]\w+(?:radar(?:e|en|s)?|radargeräte?n?|sensoren|zelte|rationen)"
        r"|(?<=-)Radar(?:e|en|s)?",
        "other-military",
        2,
    ),
    (
        r"(?:Schützen|Transport|Rad|Späh|Berge|Pionier)panzern?|[A-ZÄÖÜ]\w*[Ss]chützenpanzern?"
        r"|Gefechtsfahrzeuge?n?|Kampffahrzeuge?n?|Infanterie\w*fahrzeuge?n?",
        "armoured-vehicle",
        3,
    ),
    (r"Kampfpanzern?|Panzern|(?<=-)Panzer", "main-battle-tank", 2),
    (r"[A-ZÄÖÜ]\w*boote?n?|[A-ZÄÖÜ]\w*schiffe?n?", "naval", 2),
    (
        r"[A-ZÄÖÜ]\w*(?:lastern?|lastwagen|lkws?)|Wechselladersystem\w*|[A-ZÄÖÜ]\w+fahrzeuge?n?"
        r"|(?<=-)(?:Fahrzeuge?n?|Lkws?|LKWs?|Lastwagen)",
        "vehicle",
        1,
    ),
    (r"[A-ZÄÖÜ]\w+(?:raketenwerfer|werfern?)", "rocket-artillery-system", 2),
    (r"[A-ZÄÖÜ]\w+(?:flugzeuge?n?|jets?)|(?<=-)(?:Flugzeuge?n?|Kampfjets?)", "aircraft", 2),
    (
        r"[A-ZÄÖÜ]\w*(?:hubschrauber|helikopter)n?|(?<=-)(?:Hubschrauber|Helikopter)n?",
        "helicopter",
        3,
    ),
    (r"[A-ZÄÖÜ]\w+(?:generatoren|erzeuger|westen|helme)", "other-military", 2),
    (r"[A-ZÄÖÜ]\w+(?:gewehre?n?|pistolen)", "small-arms", 2),
]

#: ammunition heads next to a system take the system's ammunition category
AMMO_OF = {
    "artillery-system": "artillery-ammunition",
    "rocket-artillery-system": "rocket-artillery-ammunition",
    "air-defence-system": "air-defence-missile",
    "small-arms": "small-arms-ammunition",
    "main-battle-tank": "other-military",
    "anti-tank-weapon": "anti-tank-weapon",
    "aircraft": "other-military",
    "drone": "drone",
}

ARTILLERY_CALIBRES = {"105mm", "122mm", "152mm", "155mm", "203mm", "120mm", "81mm", "82mm", "60mm"}
SMALL_ARMS_CALIBRES = {"5.56mm", "7.62mm", "12.7mm", "9mm", "14.5mm"}
CALIBRE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:[.,]\d{1,2})?)\s?-?\s?(?:mm|millim(?:et(?:er|re)s?|ètres?|étricos?"
    r"|etri(?:ci|co)?|etr[oi]s?)|milímetros?|мм|миллиметр\w*"
    + lexicon.CALIBRE_UNITS
    + r")(?![a-zа-я])"
    r"|(?<!\w)\.50[-\s]cal(?:ibre|iber)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ItemMention:
    category: str
    rank: int
    start: int
    end: int
    surface: str
    item_code: str | None = None
    calibre: str | None = None


@dataclass
class ItemTable:
    """The keyword table plus, optionally, catalogue items (code, category, calibre, aliases)."""

    extra: list[tuple[str, str, str | None, str]] = field(
        default_factory=list
    )  # alias, cat, cal, code
    _compiled: list[tuple[re.Pattern[str], str, int, str | None, str | None]] = field(
        default_factory=list, init=False, repr=False
    )
    _fuzzy_keys: dict[str, tuple[str, str | None, str]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        for alias, cat, cal, code in self.extra:
            if len(alias) < 3 or cat not in CATEGORIES:
                continue
            body = re.escape(alias).replace(r"\ ", r"[\s-]?")
            pat = re.compile(rf"(?<![\w-]){body}s?(?![\w])", re.IGNORECASE)
            self._compiled.append((pat, cat, 4, cal, code))
            self._fuzzy_keys[_squash(alias)] = (cat, cal, code)

    def find(self, text: str, lang: str | None = None) -> list[ItemMention]:
        """Non-overlapping item mentions: longest match first, then highest rank; ``lang``
        (the text's language, when known) chooses the other languages' words read
        (:func:`.lexicon.items_for`)."""
        found = _keyword_mentions(text, lang)
        for pat, cat, rank, cal, code in self._compiled:
            for m in pat.finditer(text):
                found.append(ItemMention(cat, rank, m.start(), m.end(), m.group(0), code, cal))
        found.extend(self._fuzzy(text, found))
        found.sort(key=lambda x: (-(x.end - x.start), -x.rank, x.start))
        taken: list[ItemMention] = []
        used = bytearray(len(text) + 1)  # characters inside a mention already taken
        for f in found:
            if not any(used[f.start : f.end]):
                taken.append(f)
                used[f.start : f.end] = b"\x01" * (f.end - f.start)
        return sorted(taken, key=lambda x: x.start)

    def _fuzzy(self, text: str, exact: Iterable[ItemMention]) -> list[ItemMention]:
        """Capitalised model names not matched exactly, compared with rapidfuzz (≥ 90)."""
        if not self._fuzzy_keys:
            return []
        covered = bytearray(len(text) + 1)
        for e in exact:
            covered[e.start : e.end] = b"\x01" * (e.end - e.start)
        out: list[ItemMention] = []
        keys = list(self._fuzzy_keys)
        for m in re.finditer(
            r"(?<![\w-])[A-Z][\w-]*\d[\w-]*|(?<![\w-])[A-Z][a-z]+[\s-]?\d\w*", text
        ):
            if any(covered[m.start() : m.end()]):
                continue
            word = _squash(m.group(0))
            word = word[:-1] if word.endswith("s") else word  # plural
            hit = process.extractOne(word, keys, scorer=fuzz.ratio, score_cutoff=90)
            if hit is not None:
                cat, cal, code = self._fuzzy_keys[hit[0]]
                out.append(ItemMention(cat, 4, m.start(), m.end(), m.group(0), code, cal))
        return out


@lru_cache(maxsize=64)
def _keyword_patterns(
    lang: str | None = None,
) -> list[tuple[re.Pattern[str], str, int, frozenset[str]]]:
    """The keyword patterns a text in ``lang`` is read with, each with its category, rank and
    :func:`.prefilter.needles`."""
    out = [
        # also after a calibre glued with hyphens ("155-mm-Artilleriegeschosse") or a model's
        # code of two capitals or digits ("YPR-pantserinfanterievoertuigen"); the cheap "-"
        # look-behind first, so most positions test two look-behinds, not four
        (
            re.compile(
                r"(?:(?<![\w-])|(?<=-)(?:(?<=\dmm-)|(?<=\d-mm-)|(?<=(?-i:[A-Z\d]{2})-)))"
                rf"(?:{rx})(?![\w])",
                re.IGNORECASE,
            ),
            cat,
            rank,
        )
        for rx, cat, rank in [*KEYWORDS, *IBERIAN, *OTHER_LANGS, *lexicon.items_for(lang)]
    ]
    # the ammunition of a system written as one hyphenated word ("NASAMS-Munition")
    out.append(
        (
            re.compile(r"(?<=[\w/]-)(?:Munition|Raketen|Lenkflugkörper|Geschosse|Granaten)(?!\w)"),
            AMMO,
            0,
        )
    )
    # case-sensitive: German nouns are capitalised, which keeps English words out; also the
    # head of a hyphenated compound ("Marder-Schützenpanzer", "M55S-Panzer", "TRML-4D-Radar")
    out += [
        (re.compile(rf"(?<!\w)(?:{rx})(?![\w])"), cat, rank) for rx, cat, rank in GERMAN_COMPOUNDS
    ]
    return [(pat, cat, rank, prefilter.needles(pat)) for pat, cat, rank in out]


def _keyword_mentions(text: str, lang: str | None = None) -> list[ItemMention]:
    """Every keyword's matches (a keyword none of whose needles the text holds is skipped:
    most of the table matches nothing in one text)."""
    patterns = _keyword_patterns(lang)
    found = prefilter.present(prefilter.fold(text), _keyword_needles(lang))
    return [
        ItemMention(cat, rank, m.start(), m.end(), m.group(0))
        for pat, cat, rank, starts in patterns
        if prefilter.may_hold(starts, found)
        for m in pat.finditer(text)
    ]


@lru_cache(maxsize=64)
def _keyword_needles(lang: str | None = None) -> frozenset[str]:
    """Every needle of the keyword patterns of ``lang`` (:func:`.prefilter.present`)."""
    return frozenset().union(*(starts for *_, starts in _keyword_patterns(lang)))


def _squash(s: str) -> str:
    return re.sub(r"[\s\-_/]", "", s.lower())


#: an item that names a coalition ("Drone Coalition", "eine Patriot-Koalition", "la coalition
#: F-16"): the purpose of a pool, not an item given
COALITION_AFTER = re.compile(r"[\s-]?(?:[Cc]oalitions?|Koalition(?:en)?)\b")
COALITION_BEFORE = re.compile(
    r"\b(?:coalitions?|Koalition(?:en)?)\s+(?:(?:des?|für|of|on|for)\s+)?"
    r"(?:[\w-]+\s+(?:and|und|et|&)\s+)?$"
    r"|\binitiative\s+(?:to|for|visant\s+à|pour|zur|zum)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)


def names_coalition(text: str, m: ItemMention) -> bool:
    return bool(
        COALITION_AFTER.match(text, m.end)
        or COALITION_BEFORE.search(text, max(0, m.start - 60), m.start)
    )


def find_calibre(text: str) -> str | None:
    m = CALIBRE.search(text)
    if m is None:
        return None
    if m.group(1) is None:
        return "12.7mm"
    num = m.group(1).replace(",", ".")
    return f"{num}mm"


def _is_ammo_like(m: ItemMention) -> bool:
    return m.category == AMMO or (m.rank <= 1 and m.category.endswith(("ammunition", "missile")))


LAUNCHED = {"air-defence-system", "rocket-artillery-system", "anti-tank-weapon", "drone"}

#: man-portable air defence: a system also when the phrase calls it missiles ("Flugabwehrraketen
#: vom Typ Mistral", "misiles Stinger")
MANPADS = re.compile(
    r"Stinger|Igla|Piorun|Mistral|Starstreak|Strela|RBS[-\s]?70|Martlet|MANPADS|man-portable",
    re.IGNORECASE,
)


#: what follows a missile that names its system ("Patriot missile (defense) systems")
_SYSTEM_AFTER = r"\s+(?:defen[cs]e\s+)?(?:systems?|batter(?:y|ies))\b"
#: what precedes it ("sistemas de misiles Patriot", "systèmes de missiles sol-air")
_SYSTEM_BEFORE = (
    r"\b(?:sistemas?|systèmes?|sistemi|systemen|systemów|systémy|systemy)\s+(?:\w+\s+)?"
    r"(?:de\s+|di\s+|van\s+)?"
)
#: equipment or munitions for an aircraft ("Ausrüstung für F-16-Kampfjets", "air-to-ground
#: munitions and equipment for F-16 fighter jets"): the labels count them as other materiel
_GEAR_FOR = (
    r"\b(?:equipment|Ausrüstung|équipements?|munitions?|Munition|ammunition|weapons|Waffen"
    r"|armements?)\s+(?:for|für|pour)\s+(?:the\s+|die\s+|les\s+|ses\s+|their\s+|its\s+)?"
)
#: ammunition for a system ("munitions for National Advanced Surface-to-Air Missile Systems")
_AMMO_FOR = re.compile(r"\b(?:munitions?|ammunition|Munition)\s+(?:for|für|pour)\b", re.I)


def _missile_system(ammo: list[ItemMention], phrase: str) -> bool:
    """Does one of the phrase's missiles name a system ("Patriot missile systems",
    "sistemas de misiles Patriot"), not the system's missiles?"""
    if _AMMO_FOR.search(phrase):
        return False
    return any(
        re.search(re.escape(m.surface) + _SYSTEM_AFTER, phrase, re.I)
        or re.search(_SYSTEM_BEFORE + re.escape(m.surface), phrase, re.I)
        for m in ammo
    )


def resolve_phrase(mentions: list[ItemMention], phrase: str) -> tuple[str, str | None, str | None]:
    """Category, calibre and catalogue code of one noun phrase with its item mentions.

    Returns ("", calibre, None) when the phrase names nothing specific enough.
    """
    calibre = find_calibre(phrase)
    lower = phrase.lower()
    launchers = [m for m in mentions if m.category == LAUNCHER]
    mentions = [m for m in mentions if m.category != LAUNCHER]
    if launchers and not mentions:
        return "", calibre, None
    if launchers and all(
        m.category in LAUNCHED or m.category == "air-defence-missile" or _is_ammo_like(m)
        for m in mentions
    ):
        launched = [m for m in mentions if m.category in LAUNCHED]
        if launched:  # "two launchers for Patriot": the system, not its missiles
            top = max(launched, key=lambda m: m.rank)
            return top.category, None, top.item_code
    ammo = [m for m in mentions if _is_ammo_like(m)]
    systems = [m for m in mentions if not _is_ammo_like(m)]
    best = max(systems, key=lambda m: (m.rank, -m.start)) if systems else None
    if ammo:
        if best is not None:
            if best.category == "air-defence-system" and MANPADS.match(best.surface):
                # "Stinger-Raketen", "missiles Mistral": a man-portable system's missiles are
                # the system (the labels count MANPADS as systems)
                return best.category, None, best.item_code
            if best.category in AMMO_OF and not (
                best.category == "air-defence-system" and _missile_system(ammo, phrase)
            ):
                return AMMO_OF[best.category], calibre, None
            return best.category, calibre or best.calibre, best.item_code
        named = [m for m in ammo if m.category != AMMO]
        if named and named[0].category == "rocket-artillery-ammunition":
            return named[0].category, calibre, None
        if calibre in SMALL_ARMS_CALIBRES or "small arms" in lower or "small-arms" in lower:
            return "small-arms-ammunition", calibre, None
        if calibre is not None or any(
            w in lower for w in ("artillery", "mortar", "large-calib", "large calib", "howitzer")
        ):
            return "artillery-ammunition", calibre, None
        return "", calibre, None
    if best is None:
        return "", calibre, None
    if best.category == "aircraft" and re.search(
        _GEAR_FOR + r"(?:[\w-]+\s+)?" + re.escape(best.surface), phrase, re.I
    ):
        return "other-military", None, None  # "equipment for F-16 fighter jets": no aircraft
    if (
        best.category == "air-defence-missile"
        and best.rank >= 3
        and any(m.category == "air-defence-system" and MANPADS.match(m.surface) for m in systems)
    ):
        best = next(m for m in systems if m.category == "air-defence-system")
    shells = [m for m in systems if m.category == "artillery-ammunition" and m.rank <= 2]
    if (
        shells
        and best.category not in ("artillery-ammunition", "artillery-system")
        and AMMO_OF.get(best.category, "other-military") != "other-military"
    ):
        # "shells for Gepard systems": the shells of the named weapon
        return AMMO_OF[best.category], calibre, None
    if shells and best.category == "artillery-system":
        return "artillery-ammunition", calibre, None  # "howitzer shells", "shells for M777"
    keep_calibre = best.category in {
        "artillery-system",
        "artillery-ammunition",
        "small-arms-ammunition",
        "small-arms",
    }
    return (
        best.category,
        (calibre or best.calibre) if keep_calibre else best.calibre,
        best.item_code,
    )

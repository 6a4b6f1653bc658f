"""Word cues of the reader, in English, German and French: what a clause does (pledge, need,
fund), its modality (considered, refused, requested, negated), past totals, furniture lines.

Each cue is one compiled pattern so a clause is classified with a handful of regex searches
(linear in the text's length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from materiel.ingest import lexicon

_I = re.IGNORECASE
#: one character of the same clause: no full stop or semicolon, but the point of an abbreviated
#: scale ("400 Mio. EUR", "2 Mrd. Euro") or inside a number ("1.000") does not end it
_IN_CLAUSE = r"(?:[^.;]|(?:Mio|Mrd|Tsd|Bio|Mill|Md|mln|mld)\.|(?<=\d)\.(?=\d))"

#: where a cue's pattern takes the words of the other languages (:mod:`.lexicon`) of its kind
_SLOT = "(?#lexicon)"
#: the patterns compiled per language (:class:`LanguageCues`) with their slots, and their flags
_TEMPLATES: dict[str, tuple[str, int]] = {}


def _word_slot(kind: str) -> str:
    """Where a pattern takes the function words of ``kind`` (:data:`.lexicon.FUNCTION_KINDS`)
    of the text's language, as one group."""
    return f"(?#{kind})"


def _compile(name: str, lang: str | None) -> re.Pattern[str]:
    """The pattern ``name`` for a text in ``lang``: with the words of its families in its slot
    (:func:`.lexicon.families_for`) and its function words in theirs."""
    template, flags = _TEMPLATES[name]
    if _SLOT in template:
        template = template.replace(_SLOT, lexicon.alternation(name, lexicon.families_for(lang)))
    for kind in lexicon.FUNCTION_KINDS:
        template = template.replace(_word_slot(kind), f"(?:{lexicon.function_words(kind, lang)})")
    return re.compile(template, flags)


def _lexical(kind: str, template: str, flags: int = _I) -> re.Pattern[str]:
    """The cue of ``kind`` with every family's words (read when a text's language is not
    known); :func:`for_language` compiles it with one family's words or with none."""
    if kind in _TEMPLATES or template.count(_SLOT) != 1:
        raise ValueError(f"one pattern of kind {kind!r} with one slot")
    _TEMPLATES[kind] = (template, flags)
    return _compile(kind, None)


def _functional(name: str, template: str, flags: int = _I) -> re.Pattern[str]:
    """The pattern ``name`` that reads function words (:func:`_word_slot`) as a text of unknown
    language reads them (English, German and French ones: "en" is "in", "mais" is "but");
    :func:`for_language` compiles it with a language's own (Dutch "en" is "and")."""
    if name in _TEMPLATES or _SLOT in template or "(?#" not in template:
        raise ValueError(f"one pattern {name!r} with function-word slots")
    _TEMPLATES[name] = (template, flags)
    return _compile(name, None)


NEED_CUE = _lexical(
    "need",
    r"\b(?:needs?|needed|asked\s+(?:for|allies|partners|the\s+West)|asks\s+for|ask\s+for"
    r"|request(?:s|ed)?|call(?:ed|s)?\s+(?:on\s+\w+\s+)?(?:for|to\s+(?:send|provide|deliver))"
    r"|appeal(?:ed|s)?\s+for|urg(?:ed|es)\s+(?:allies|partners|the\s+West)|requires?"
    r"|(?:is|are)\s+(?:urgently\s+|still\s+|also\s+)?required|run(?:s|ning)?\s+out\s+of"
    r"|fehlen\s+(?:uns|ihnen|der\s+Ukraine)|(?:uns|ihnen|der\s+Ukraine)\s+fehl(?:en|t)"
    # running out, German separable ("Der Ukraine geht die Munition aus"; not "geht davon
    # aus", "geht von Polen aus")
    r"|(?:geht|gehen|ging|gingen)\s+(?:(?!davon\b|von\b)[^\s.,;:!?]+\s+){1,5}?aus\b"
    r"|należy\s+(?:dostarczyć|przekazać|wysłać)"
    r"|shortages?|running\s+(?:short|low)|wish\s?list|priority\s+list|short\s+of|lacks?"
    r"|lacking|plead(?:ed|s)?\s+for|braucht|benötigt|Bedarf|fordert\w*|bittet|bat(?=[^.;]{0,80}\bum\b)"
    r"|verlangt|besoin|réclam\w*|demand(?:e|é|ait|ent|s|ed|ing)\b|sollicit\w*"
    r"|appel(?:le|lent|é|ait|aient|er)\b(?=[^.;]{0,80}\bà\b)|aufgerufen|rief\b(?=[^.;]{0,80}\bauf\b)"
    r"|brauch\w*|benötig\w*|erforderlich|Defizit|Mangel|aufgefordert|voulons|veut|want(?:s|ed)?"
    r"|wollen|necesita\w*|precisa\w*|pid(?:e|ió|en)|pede\w*|appels?|demandes?|gebeten"
    r"|dringt|drängt|manque|pénurie|Engpass|send\s+us|envoyez|schickt\s+uns|wish|chied\w*"
    r"|chiesto|bisogno|necessit\w*"
    # requests phrased as asking, demand, pushing, counting on, applying for (EN, DE, FR, NL,
    # PT, ES, IT, Nordic, Polish, Czech, Ukrainian/Russian)
    r"|asking\s+for|demand\s+for|push(?:ed|es|ing)?\s+for|lobb(?:y|ied|ies|ying)\s+for"
    r"|compt(?:e|ent|ait)\s+sur|nötig|notwendig|beantrag\w*|angefordert|anforder\w*"
    r"|appellier\w*|Forderung\w*|Wunschliste|gevraagd|vraagt|vroeg|verzoek\w*|nodig"
    r"|pedido\w*|solicit\w*|richiest\w*|behöver|behov\w*|trenger|ber\s+om|bad\s+om"
    r"|potrzebuje|potrzeb\w*|apel\w*|prosi\w*|žád\w*|potřeb\w*"
    r"|потреб\w*|необхідн\w*|проси\w*|попроси\w*|попрос\w*|проха\w*|нужн\w*|нуждает\w*"
    # wanting to obtain, and having too little ("Ukraine is ready to buy at least 10 Patriot",
    # "has expressed interest in", "seeks to acquire", "the insufficient quantity of shells",
    # "esperaba recibir")
    r"|(?:ready|willing|prepared)\s+to\s+(?:buy|purchase|acquire)|expressed\s+(?:an\s+|its\s+|his\s+)?"
    r"interest\s+in|seek(?:s|ing)?\s+to\s+(?:obtain|acquire|secure|get|buy)|(?:aims?|hopes?"
    r"|hoping|expects?|expected)\s+to\s+(?:secure|obtain|receive|get|acquire)|insufficient"
    r"|not\s+enough|unzureichend\w*|nicht\s+genug|insuffisan\w*|espér\w*\s+recevoir"
    r"|esperaba\w*\s+recibir|insuficient\w*" + _SLOT + r")\b"
    r"|\b(?:mehr|more|davantage|plus\s+de|más)\b[^.;]{0,60}\b(?:bekommen|erhalten|get|receive"
    r"|obtenir|recevoir|conseguir|obtener)\b"
    r"|\b(?:obtenir|bekommen|erhalten|get|receive)\b[^.;]{0,30}\b(?:davantage|mehr|more|plus\s+de)\b",
    _I,
)
#: the recipient's officials by name, in the transliterations of the corpus' languages and in
#: Cyrillic: the one list of names read by :data:`RECIPIENT_SIDE` and by
#: :data:`.speaker.RECIPIENT_OFFICIALS` (a pattern's text, no \\b around it)
RECIPIENT_NAMES = (
    r"Zelensk\w*|Selensk\w*|Zelenski\w*|Zełensk\w*|Zelenskij\w*|Selenskij\w*|Зеленськ\w*"
    # Hungarian, Greek, Turkish and Latvian spellings
    r"|Zelenszkij\w*|Ζελένσκ\w*|Zelenskiy\w*|Zelenskis\w*"
    # (names decline in the Slavic and Baltic languages: "Kuleby", "Kulebos", "Syrskis")
    r"|Зеленск\w*|Kuleb\w*|Kouleb\w*|Kułeb\w*|Кулеб\w*|Reznikov\w*|Resnikow\w*|Reznikow\w*"
    r"|Rieznikov\w*|Umerov\w*|Oumerov\w*|Umjerow\w*|Umierov\w*|Umerow\w*|Умєров\w*|Умеров\w*"
    r"|Shmyhal\w*|Schmyhal\w*|Chmyhal\w*|Chmygal\w*|Szmyhal\w*|Шмигал\w*|Yermak\w*|Jermak\w*"
    r"|Iermak\w*|Ermak\w*|Sybih\w*|Sybig\w*|Сибіг\w*|Сибиг\w*|Syrsk\w*|Sirsk\w*"
    r"|Сирськ\w*|Zaluzhn\w*|Saluschn\w*|Zaloujn\w*|Załużn\w*|Makeiev\w*|Makejew\w*|Makeyev\w*"
    r"|Melnyk\w*|Podolyak\w*|Podoljak\w*|Podolak\w*|Podoliak\w*|Stefanchuk\w*|Stefantschuk\w*"
    r"|Svyrydenko\w*|Budanov\w*|Budanow\w*|Kamyshin\w*|Myroshnychenko\w*|Prystaiko\w*"
    r"|Stefanishyna\w*|Malyuska\w*|Perebyjnis\w*|Lutovinov\w*|Ponomarenko\w*|Omelchenko\w*"
    r"|Markarova\w*|Fedorov\w*|Smilian\w*|Hnatov\w*|Kyslytsya\w*|Zhovkv\w*|Žovkv\w*|Żowkw\w*|Жовкв\w*"
    r"|Nayev\w*|Naiev\w*"
    # in Cyrillic
    r"|Єрмак\w*|Ермак\w*|Резнік\w*|Резник\w*|Залужн\w*|Буданов\w*|Подоляк\w*|Стефанчук\w*"
    r"|Макеєв\w*|Макеев\w*|Свириденко\w*|Кислиц\w*|Федоров\w*"
    # spokesmen, commanders and ministers who state needs (Air Force, Navy, intelligence,
    # parliament, interior, infrastructure)
    r"|Ihnat\w*|Ignat\b|Ігнат\w*|Yevlash\w*|Pletenchuk\w*|Vereshchuk\w*|Kubrakov\w*"
    r"|Smetanin\w*|Pavliuk\w*|Sodol\w*|Klymenko\w*|Malyuk\w*|Tarnavsk\w*|Arakhamia\w*"
    r"|Yusov\w*|Skibitsk\w*|Moisiuk\w*|Barhylevych\w*"
)
#: the recipient's own voice: its leaders by name (:data:`RECIPIENT_NAMES`), its state, its
#: ministries and armed forces, in the languages and scripts of the corpus
RECIPIENT_SIDE = re.compile(
    r"\b(?:" + RECIPIENT_NAMES + r"|Kyiv|Kiev|Kiew|Ukrain(?:e|e's|ian|ians|ischen?|ische|ien\w*)"
    r"|Ukraine['’]s|ucraniano\w*|Ucrânia|Ucrania|ukrainien\w*|unser(?:em)?\s+Land|our\s+country"
    r"|notre\s+pays|nuestro\s+pa[ií]s|mein(?:em)?\s+Land|my\s+country)\b"
)
#: the recipient in other languages and scripts (read with :data:`RECIPIENT_SIDE` for the voice
#: of a need; kept apart from it, a modality feature)
RECIPIENT_SIDE_MORE = re.compile(
    r"\b(?:Україн\w*|Украин\w*|Украйн\w*|Ukrajin\w*|Ukrajn\w*|Ucrain\w*|Oekraïn\w*|Ukrain\w*"
    r"|Ουκραν\w*|Ukrayn\w*)"
)
#: voices that are not the recipient's: an alliance, an analyst, a donor's own speaker
OTHER_VOICE = re.compile(
    r"\b(?:NATO|Nato|OTAN|Stoltenberg|Rutte|Secretary\s+General|Generalsekretär|(?i:analysts?"
    r"|experts?|Experten|observers?|think\s+tank|commentators?|journalists?|editorial"
    r"|Institute|Institut|analystes|analistas))\b"
)
#: a sentence whose subject is a pronoun (it continues the voice of the sentence before) or
#: the first person of a quoted speaker
PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:[\w\s-]{1,30},\s*)?(?i:He|She|They|Il|Elle|Ils|Er|Sie|Celle-ci|Celui-ci"
    r"|Das\s+Land|The\s+country|Le\s+pays)\s"
)
#: the German reported-speech mood (Konjunktiv I: "Es sei überlebenswichtig", "Nötig seien
#: Panzer", "die Ukraine brauche ..."): the sentence goes on in the voice of the speaker before
REPORTED_MOOD = re.compile(
    r"\b(?:sei|seien|habe|brauche|benötige|werde|könne|müsse|solle|wolle|gebe|fehle|bitte"
    r"|fordere|erwarte|hoffe|wünsche)\b"
)
_FIRST_PERSON = r"we|wir|nous|us|uns|our|unsere?\w*|nos|notre|ich"
#: "I" only in capitals (Polish, Czech and Croatian "i" is "and", Italian "i" an article)
FIRST_PERSON = re.compile(rf"\b(?:(?i:{_FIRST_PERSON}|je)|I)\b")
#: the same in the texts in other languages than English, German and French: no "je" (in
#: Croatian, Slovene, Czech and Slovak it is "is": "Ukrajina je zatražila ...")
FIRST_PERSON_OTHER = re.compile(rf"\b(?:(?i:{_FIRST_PERSON})|I)\b")
SPEECH = re.compile(
    r"\b(?:said|says|say|sagen|disent|dicen|told|stressed|warned|noted|added|wrote|posted|stated|insisted|argued"
    r"|according\s+to|sagte|sagt|erklärte|betonte|warnte|laut|a\s+déclaré|a\s+dit|selon"
    r"|a\s+affirmé|a\s+souligné|a\s+averti|estime)\b",
    _I,
)

#: the UK-run International Fund for Ukraine by its names in other languages ("Fondo
#: internazionale per l'Ucraina") and its initials: a pool (:data:`FUND_CUE`, :data:`SPECIFIC_FUND`)
_IFU_OTHER = (
    r"|Fondo\s+[Ii]nternazionale\s+per\s+l['’]Ucraina|Fonds\s+international\s+pour"
    r"\s+l['’]Ukraine|[Ii]nternationale\w*\s+Fonds?\s+für\s+die\s+Ukraine|IFU"
    r"|Fondo\s+[Ii]nternacional\s+para\s+Ucrania"
)
FUND_CUE = re.compile(
    r"\b(?:earmark(?:ed|s)?|European\s+Peace\s+Facility|Europäische\w*\s+Friedensfazilität"
    r"|Facilité\s+européenne\s+pour\s+la\s+paix|EPF|FEP|ASAP|EDIRPA|Act\s+in\s+Support\s+of\s+"
    r"Ammunition\s+Production|fund|funds|funding|facility|pooled|pool|joint\s+procurement"
    r"|set\s+aside|NSPA|framework\s+contracts?|windfall|immobili[sz]ed\s+assets"
    r"|procurement\s+initiative|Ukraine\s+Assistance\s+Fund|International\s+Fund\s+for\s+Ukraine"
    + _IFU_OTHER
    + r"|PURL|NSATU|CAPS|collective\s+procurement|capability\s+coalition|Fonds|Fazilität"
    r"|gemeinsame\w*\s+Beschaffung|achats?\s+conjoints?|fonds)\b",
    _I,
)
#: paid for by givers named after it ("funded by Denmark, Norway and Sweden", "financé par",
#: "finanziato da", "gefinancierd door", "von ... finanziert"): with several of them, their pool
FUNDED_BY = re.compile(
    r"\b(?:(?:funded|financed|paid\s+for)\s+(?:jointly\s+)?by|financ(?:é|ée|és|ées)\s+par"
    r"|finanziat[oaie]\s+da|gefinancierd\s+door|financiad[oa]s?\s+por|finansiert\s+av"
    r"|finansierad\s+av|finansieret\s+af|von\s+[^.;]{0,80}\bfinanziert)\b",
    _I,
)
#: several states giving one sum together ("jointly", "a combined $500 million"): their pool
COLLECTIVE = re.compile(
    r"\b(?:together|jointly|joint|combined|collective(?:ly)?|pool(?:ed|ing)?|all\s+of\s+them"
    r"|gemeinsam\w*|zusammen|ensemble|conjointement|conjoint\w*|commun(?:e|s|es)?"
    r"|til\s+sammen|tilsammen|tillsammans|gemensamt|samen|gezamenlijk\w*|yhdessä|juntos"
    r"|conjuntamente|conjunt[oa]s?|insieme|congiuntamente|wspólnie|společně)\b",
    _I,
)
#: a sentence whose subject is a pool ("The fund, worth ...", "Le fonds commun, doté de ..."):
#: its money is the pool's, whoever the text named before
POOL_SUBJECT = re.compile(
    r"^\W*(?!(?:these|those|les|ces|des|diese|estos|questi)\b)(?:(?:the|this|that|its|le|la|ce"
    r"|cette|der|das|dieser|el|este|il|lo|questo|het|de|dit|den|denne|tämä)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:fund|fonds|pool|facility"
    r"|Fazilität|facilité|fondo|fundo|fond|fonden|fondet|rahasto)\b",
    _I,
)
#: pools with one purpose: a nation's money paid into one is a pledge of that purpose
POOL_PURPOSES = (
    (
        re.compile(
            r"\b(?:Czech(?:-led)?\s+(?:ammunition\s+|munitions\s+)?initiative|tschechische\w*\s+"
            r"(?:Munitions)?[Ii]nitiative|Munitionsinitiative|initiative\s+tchèque|iniciativa\s+checa"
            r"|ammunition\s+initiative|munični\w*\s+iniciativ\w*|česk\w*\s+iniciativ\w*"
            r"|czesk\w*\s+inicjatyw\w*|amunicyjn\w*\s+inicjatyw\w*|iniziativa\s+ceca"
            r"|Tsjechisch\w*\s+initiatief|tjekkisk\w*\s+initiativ\w*|tjeckisk\w*\s+initiativ\w*"
            r"|tšekki\w*\s+aloit\w*|чеськ\w*\s+ініціатив\w*|чешск\w*\s+инициатив\w*"
            r"|čehijas\s+iniciatīv\w*|Čekijos\s+iniciatyv\w*|Tšehhi\s+algatus\w*)\b",
            _I,
        ),
        "artillery-ammunition",
    ),
    (
        re.compile(
            r"\b(?:drone\s+coalition|Drohnen-?[Kk]oalition|coalition\s+(?:des\s+|de\s+)?drones"
            r"|coalici[oó]n\s+de\s+drones)\b",
            _I,
        ),
        "drone",
    ),
    (
        re.compile(
            r"\b(?:air[-\s]defen[cs]e\s+(?:capability\s+)?(?:coalition|partnership|initiative)"
            r"|Immediate\s+Action\s+on\s+Air\s+Defen[cs]e|Luftverteidigungs-?(?:initiative|koalition)"
            r"|Flugabwehr-?(?:initiative|koalition)|coalition\s+(?:de\s+)?(?:la\s+)?défense\s+a[ée]rienne"
            r"|initiative\s+(?:de\s+)?(?:la\s+)?défense\s+a[ée]rienne)\b",
            _I,
        ),
        "air-defence-system",
    ),
    (
        re.compile(
            r"\b(?:de-?mining\s+(?:capability\s+)?coalition|Minenräum\w*-?[Kk]oalition"
            r"|Entminungs-?[Kk]oalition|coalition\s+(?:de\s+|pour\s+le\s+)?déminage)\b",
            _I,
        ),
        "demining",
    ),
    (
        re.compile(
            r"\b(?:IT\s+(?:capability\s+)?coalition|IT-Koalition|coalition\s+(?:informatique|IT))\b",
            _I,
        ),
        "other-military",
    ),
)
#: a fund named as such (not only the word "fund")
SPECIFIC_FUND = re.compile(
    r"\bNATO\b[^;\n]{0,80}\b(?:contracts?|Vertr(?:a|ä)ge?|contrats?)\b|\b(?:European\s+Peace\s+Facility|Friedensfazilität|Facilité\s+européenne|EPF|FEP|ASAP"
    r"|EDIRPA|NSPA|PURL|NSATU|CAPS|Ukraine\s+Assistance\s+Fund|International\s+Fund\s+for"
    r"\s+Ukraine|joint\s+procurement|collective\s+procurement|pooled|earmark\w*"
    + _IFU_OTHER
    + r"|Czech(?:-led)?\s+(?:ammunition\s+)?initiative"
    r"|tschechische\w*\s+(?:Munitions)?[Ii]nitiative"
    r"|initiative\s+tchèque|capability\s+coalition|framework\s+contracts?|windfall"
    r"|(?:drone|artillery|air[-\s]defen[cs]e|IT|demining|maritime|armou?r(?:ed)?|jet|F-16)"
    r"\s+coalition|Drohnenkoalition|coalition\s+(?:des\s+)?drones|Drohnen-Koalition"
    r"|immobili[sz]ed\s+assets|Act\s+in\s+Support\s+of\s+Ammunition\s+Production)\b",
    _I,
)
#: German separable verbs of promising, the particle at the clause's end after any object
#: ("sagt der Ukraine vier Flugabwehrsysteme zu", "sicherte Kiew weitere Hilfe zu"): up to
#: eight words between, none across a comma or a stop
SAGT_ZU = r"(?:sag|sicher)(?:t|te|ten|en)\s+(?:[^\s.,;:!?]+\s+){0,8}?zu\b"
PLEDGE_CUE = re.compile(
    r"\b(?:pledg\w*|announc\w*|provid\w*|send\w*|sent|deliver\w*|donat\w*|suppl\w*|transfer\w*"
    r"|commit\w*|give[sn]?|gave|giving|packages?|contribut\w*|offer\w*|allocat\w*|approv\w*"
    r"|contracts?|order\w*|purchas\w*|buy\w*|bought|financ\w*|fund(?:s|ed|ing)?|tranches?|aid"
    r"|assistance|notifications?|includ\w*|contain\w*|hand(?:s|ed|ing)?\s+over|ship\w*"
    r"|earmark\w*|dispatch\w*|add(?:s|ed)?|available|arriv\w*|receiv\w*|promis\w*|decid\w*"
    r"|agree\w*|sign\w*|liefer\w*|geliefert|zugesagt|" + SAGT_ZU + r"|Zusage\w*|stell\w*"
    r"|bereit\w*|übergeben|übergibt|übergab|schick\w*|geschickt|spende\w*|gespendet|Paket\w*"
    # arrived: a delivery ("sind in der Ukraine eingetroffen")
    r"|eingetroffen|angekommen|traf\w*\s+(?:\w+\s+){0,6}?ein"
    # German giving, not "there is" ("es gibt", "gibt es", "gab es")
    r"|(?<!\bes\s)(?:gibt|gab|gaben)(?!\s+es\b)|geben"
    r"|Hilfspaket\w*|Militärhilfe|unterstütz\w*|finanzier\w*|kauf\w*|gekauft|bestell\w*"
    r"|angekündigt|kündigt\w*|livr\w*|fourni\w*|envoi\w*|envoy\w*|enverr\w*|céd\w*|cède\w*"
    r"|don(?:s|ne|né|nera|ner|neront|nent)?|promi\w*|annonc\w*|aide|paquet|enveloppe|débloqu\w*|ach[eè]t\w*"
    r"|consacr\w*|allou\w*|octroi\w*|octroy\w*|dégag(?:e|é|ée|és|era|eront|ent)\b"
    r"|commande\w*|contrat\w*|financ\w*|envi(?:ar|ará|a|ó|an|arán|ou|ará)\w*|entreg\w*"
    r"|don(?:ar|ará|ou|ación|ação)\w*|doar|suministr\w*|ced(?:er|erá|e|eu)|comprometid\w*"
    r"|anunci\w*|fornec\w*|apoio|apoyo|paquete|pacote|ayuda\s+militar|ajuda\s+militar"
    r"|authori[sz]\w*|drawdowns?|genehmig\w*|bewillig\w*|beschlossen|autoris\w*|montant"
    r"|beliefer\w*|reserv\w*|mis\w*\s+à\s+disposition|mettr\w*\s+à\s+disposition|particip\w*"
    r"|beteilig\w*|schenk\w*|geschenkt|versprech\w*|versprich\w*|versprach\w*|versprochen"
    r"|transf[èé]r\w*|hand(?:s|ed|ing)?\s+(?:to\s+(?:the\s+)?)?(?:Ukrain\w*|Kyiv|Kiev)"
    # paying, only right before a sum ("will each pay $200 million", "verser 200 millions",
    # "zahlen jeweils 200 Millionen"): not "pay 1.9 per cent of", "pay tribute"
    r"|(?:pay(?:s|ing)?|zahl(?:t|en)|bezahl(?:t|en)|vers(?:er|era|eront|ent))"
    r"(?=\s+(?:each\s+|jeweils\s+|chacun\s+|another\s+|a\s+further\s+|weitere\s+)?"
    r"(?:[$€£]|\d(?![\d.,]*\s*(?:%|per\s?cent|prozent|pour\s?cent))|USD|EUR|GBP"
    r"|(?:un|une)\s+(?:demi-)?milli))"
    # investing in the recipient's industry ("invests €500 million in Ukrainian drone
    # production", "steckt 500 Millionen Euro in die ukrainische Rüstungsindustrie", "injecte
    # 100 millions d'euros dans la production de drones ukrainiens")
    r"|(?:invest\w*|puts?|pump(?:s|ed|ing)?|steck(?:t|en|te|ten)|investier\w*|inject\w*)"
    r"(?=[^.;:!?]{0,60}?\b(?:in|into|dans)\s+(?:[\w'’-]+\s+){0,5}?ukrain)"
    r"|worth|valued\s+at|im\s+Wert\s+von|in\s+Höhe\s+von)\b",
    _I,
)
#: pledge words of other European languages (about a third of the blind batches): send,
#: deliver, donate, hand over, include, package, approve; kept apart from :data:`PLEDGE_CUE`
#: so that the modality filter's features (English, German, French) do not move
PLEDGE_CUE_OTHER = _lexical(
    "pledge",
    r"\b(?:inclu\w*|skick\w*|doner\w*|lever\w*|geleverd|gestuurd|stuur\w*|schenk\w*|voorzie\w*"
    r"|stödpaket\w*|støttepakke\w*|bidr\w*|omfatt\w*|ingår|besl[uy]t\w*|vedt\w*|lover|lova\w*"
    r"|wyśl\w*|wysła\w*|przekaz\w*|przekaż\w*|dostarcz\w*|pakiet\w*|dodá\w*|dodal\w*"
    r"|poš?l[eoa]\w*|daruj\w*|darova\w*|přispě\w*|balík\w*|fornir\w*|fornisc\w*|fornit\w*"
    r"|invi(?:a|erà|ato|ata|are|ati)\w*|consegn\w*|stanzi\w*|acquist\w*|pacchett\w*|suprir\w*"
    r"|lähet\w*|toimit\w*|lahjoit\w*|siunč\w*|siųs\w*|perduo\w*|perdav\w*|pritar\w*"
    r"|atvēl\w*|nodo\w*|dostavi\w*|slanj\w*|isporu\w*|στ[εέ]λν\w*|στείλ\w*|δωρε\w*"
    r"|переда\w*|надіш\w*|надісл\w*|постав\w*|пакет\w*|одобри\w*|схвали\w*" + _SLOT + r")\b",
    _I,
)
#: ready, willing or prepared to give in the other languages ("jest gotowa wysłać", "är redo
#: att skicka", "готова передати"), as :data:`NOT_GIVEN` reads English, German, French,
#: Spanish, Italian and Portuguese ones: no gift, unless a number follows in the clause ("ready
#: to send 100 tanks" names what it gives)
READY_OTHER = _lexical("ready", r"\b(?:(?!)" + _SLOT + r")\b(?![^.;]{0,60}\d)")
#: the same in other European languages, kept apart from :data:`NOT_GIVEN` and
#: :data:`CUMULATIVE` so that the modality filter's features (English, German, French) do not
#: move: not given (negated, refused, excluded, considered, could) ...
NOT_GIVEN_OTHER = _lexical(
    "not_given",
    r"\b(?:esclu\w*|rifiut\w*|valut\w*|potrebbe\w*|non|overweeg\w*|overwogen|niet|geen"
    r"|weiger\w*|vurder\w*|överväg\w*|ikke|inte|ingen|avvis\w*|avslå\w*|avslag|nie|rozważ\w*"
    r"|odmaw\w*|odmów\w*|odmít\w*|zvaž\w*|nebude|ne|не|ні|нет|розгляда\w*|рассматрива\w*"
    r"|відмов\w*|отказ\w*|δεν|εξετάζ\w*|ei|eivät|harkit\w*|negal\w*|neplān\w*"
    # other languages (numbers helper): still being prepared ("sta finalizzando", "está a
    # preparar"), denied
    r"|sta(?:nno)?\s+(?:finalizzando|preparando|lavorando|valutando|studiando)"
    r"|está(?:n)?\s+(?:preparando|ultimando|finalizando|estudiando)"
    r"|está(?:o)?\s+a\s+(?:preparar|finalizar|ultimar|estudar)|smenti\w*|desment\w*"
    r"|não(?!\s+(?:só|apenas|somente|letal|letais))|nunca|sin\s+compromiso\w*|sem\s+compromisso\w*"
    + _SLOT
    + r")\b",
    _I,
)
#: ... and past totals
CUMULATIVE_OTHER = _lexical(
    "cumulative",
    r"\b(?:totaal|in\s+totaal|tot\s+nu\s+toe|sinds\s+het\s+begin|totalt|hittil|hittills"
    r"|siden\s+(?:starten|begynnelsen|krigens)|sedan\s+(?:kriget|början)|łącznie|dotychczas"
    r"|od\s+początku|w\s+sumie|celkem|dosud|doposud|od\s+začátku|finora|in\s+totale"
    r"|complessivamente|dall['’]inizio|yhteensä|tähän\s+mennessä|iš\s+viso|kopā|kokku"
    r"|усього|всього|загалом|от\s+начала|з\s+початку|в\s+общей\s+сложности|всего"
    r"|συνολικά|hasta\s+ahora|hasta\s+el\s+momento|en\s+lo\s+que\s+va|en\s+total|até\s+agora"
    r"|no\s+total|ukupno|skupaj|doslej"
    # other languages (numbers helper): "so far", "to date", "by now", "in all", "since the
    # start / the invasion" (as CUMULATIVE in English, German and French)
    r"|inmiddels|tot\s+dusver|in\s+passato|sinora|fino\s+ad\s+ora|ad\s+oggi|hasta\s+la\s+fecha"
    r"|sinds\s+de\s+(?:\w+\s+)?inval|dall['’]invasione|sedan\s+(?:\w+\s+)?invasion\w*"
    r"|desde\s+(?:el|o)\s+(?:inicio|comienzo|principio|início)|od\s+počátku|od\s+začiatku"
    r"|desde\s+(?:[\w'’]+\s+){0,6}?20\d\d"
    r"|od\s+početka|od\s+začetka|de\s+la\s+începutul|с\s+начала|від\s+початку|sodan\s+alusta"
    r"|reeds|al\s+voor|allerede|redan|già|(?:importo|valore|importe|valor|montante)\s+total[e]?"
    r"|até\s+(?:à\s+data|hoje)|łączn\w*\s+wartoś\w*|do\s+tej\s+pory|dotąd|sammanlagt|hidtil"
    r"|i\s+alt|til\s+sammen|celkově|dosavad|celkovo|doteraz|kaikkiaan|dosad|do\s+sada"
    r"|în\s+total|până\s+acum|досі|до\s+сих\s+пор|μέχρι\s+σήμερα|έως\s+τώρα|toplam"
    r"|şimdiye\s+kadar|összesen|eddig|iki\s+šiol|līdz\s+šim|seni|alls|hingað\s+til"
    r"|(?:año|años|meses)\s+(?:del|desde\s+el)\s+(?:inicio|comienzo)|hasta\s+el\s+momento|hasta\s+hoy|até\s+o\s+momento|fino\s+a\s+(?:oggi|questo\s+momento)"
    r"|løber\s+op\s+i|beløber\s+sig|uppgår\s+till|bedraagt\s+(?:in\s+totaal|nu)" + _SLOT + r")\b",
    _I,
)
#: the recipient receives ("Kiew erhält auch ...", "l'Ukraine recevra ..."): a pledge word when
#: the recipient is named in the same sentence (kept apart from :data:`PLEDGE_CUE`, a modality
#: feature)
RECEIVE_CUE = _lexical(
    "receive",
    r"\b(?:erhält|erhalten|erhielt\w*|bekommt|bekommen|bekam\w*|reçoi\w*|recevr\w*|reçu\w*"
    r"|obtien\w*|obtiendr\w*|recib\w*|receb\w*|ricev\w*|otrzyma\w*|obdrž\w*|får|fick"
    r"|krijgt|krijgen|kreeg|отрима\w*|получ\w*" + _SLOT + r")\b"
    # English "get" only as the recipient's future ("Kyiv will get 20 howitzers from Poland")
    r"|\b(?:will|shall|is\s+to|are\s+to|is\s+set\s+to|would)\s+(?:also\s+|soon\s+)?get\b",
    _I,
)
#: the recipient named in any of the batches' languages, in any grammatical case
RECIPIENT_ANY_LANGUAGE = re.compile(
    r"\b(?:Ukrain\w*|Ukrajin\w*|Ukrajn\w*|Ucrain\w*|Ucrân\w*|Oekraïn\w*|Ukrayna\w*|Україн\w*"
    r"|Украин\w*|Украйн\w*|Ουκραν\w*|Kyiv|Kiev|Kijev\w*|Kijów|Kijow\w*|Kyjev\w*|Київ\w*|Киев\w*"
    # Icelandic, Czech "Kyjiv", and the lower-case adjectives of the Nordic and Slavic languages
    # ("ukrainske styrker", "ukrajinská armáda", "ukraińskie wojsko")
    r"|Úkraín\w*|Kænugar\w*|Kyjiv\w*|ukrain(?:sk|isk|ian)\w*|ukrajin\w*|ukraiń\w*|ucrain\w*"
    # Spanish "Ucrania", "ucraniano"
    r"|Ucran\w*|ucran\w*"
    # Arabic (with a glued "to", "and", "by"), Greek, Serbian, Finnish, Estonian and Latvian
    # names of the capital
    r"|[لوبف]?أوكراني\w*|[لوبف]?كييف|Κίεβ\w*|Кијев\w*|Kiova\w*|Kiiev\w*|Kijiv\w*"
    r"|[Oo]ekraïens\w*|україн\w*|украин\w*"
    # Serbian Cyrillic ("Украјини"), Catalan ("Ucraïna"), the Hungarian adjective ("az ukrán
    # fegyveres erőknek")
    r"|[Уу]крајин\w*|Ucraïn\w*|ucraïn\w*|ukrán\w*)"
)
#: a clause whose items are not (yet) given: considered, discussed, requested, refused, ruled
#: out, hypothetical or negated
NOT_GIVEN = re.compile(
    r"\b(?:consider\w*|mull\w*|weigh(?:s|ed|ing)?|discuss\w*|debat\w*|explor\w*|study(?:ing)?"
    r"|studies|examin\w*|evaluat\w*|could|might|may\s+(?:send|provide|deliver|supply|give|be"
    r"|soon|also|decide)|ruled?\s+out|rules\s+out|refus\w*|reject\w*|declin\w*|won['’]t"
    r"|will\s+not|would\s+not|wouldn['’]t|cannot|can['’]t|not\s+(?:be\s+)?(?:send|sending|sent"
    r"|provid\w*|deliver\w*|suppl\w*|giv\w*)|no\s+plans?|no\s+intention|oppos\w*|block\w*"
    r"|veto\w*|hesita\w*|reluctan\w*|call(?:s|ed|ing)?\s+(?:on|for)|urg(?:e|es|ed|ing)"
    r"|demand(?:s|ed|ing)|pressur\w*|request(?:s|ed|ing)|asked|asks|asking|appeal(?:s|ed|ing)"
    r"|propos\w*|hop(?:e|es|ed|ing)|want\w*|wish\w*|would\s+like|potential(?:ly)?|whether|unless"
    r"|either|neither|nor|believ\w*|in\s+Betracht|Erwägung|[ée]?voqu\w*"
    # a sale is no aid ("It has also sold Bayraktar TB-2 drones to Kyiv")
    r"|sold|sell(?:s|ing)?|verkauf(?:t|te|ten|en)|vend(?:u|ue|us|ues|re|ait|aient)|vendut[oiae]"
    r"|vendid[oa]s?|\w{3,}(?:erait|eraient|irait|iraient"
    r"|rrait|rraient)|interrog\w*|signal(?:s|led|ed|ling|ing)?|signalisier\w*|permission"
    r"|green\s+light|feu\s+vert|Erlaubnis|fundrais\w*|crowdfund\w*|Spendenaktion\w*|cagnotte|appel(?:le|lent|é|ait|aient|er)\b(?=[^.;]{0,80}\bà\b)|aufgerufen|aufruf\w*"
    r"|schlug\w*\b[^.;]{0,80}\bvor\b|vorgeschlagen|vorschlag\w*|verfüg(?:t|en|te|ten)\b|besitz\w*|possèd\w*"
    r"|possède\w*|dispos(?:e|ent)\s+d"
    r"|if\s|a\s+plan\s+to|negotiat\w*|talks\s+(?:on|about)|speculat\w*|rumou?r\w*|erwäg\w*|prüf\w*"
    r"|diskutier\w*|nachdenk\w*|denkt\s+über|lehn\w*\b[^.;]{0,80}\bab|abgelehnt|ablehn\w*"
    r"|schließt\w*\b[^.;]{0,80}\baus|ausgeschlossen|könnte\w*|fordert\w*|gefordert|verlangt\w*"
    r"|bittet|bat\s+um|möglich\w*|niemals|nie|allusion|allud\w*|Anspielung|nicht|keine?\w*"
    r"|envisag\w*|open(?:-minded)?\s+(?:to|for)\s+(?:the\s+idea|send\w*|provid\w*|deliver\w*"
    r"|suppl\w*|giv\w*|donat\w*|transfer\w*)"
    r"|étudi\w*|réfléchi\w*|exclu\w*|débat\w*"
    r"|pourrai\w*|réclam\w*|demand(?:e|é|ait|ent)\b|ne\s|n['’]|pas\b|jamais|éventuel\w*"
    r"|not|never|(?:is|are|was|were|spoke\s+out|remains?)\s+against|against\s+(?:deliver\w*"
    r"|send\w*|suppl\w*|provid\w*)|wollte\w*|angefragt|Anfrage|ob|seraient|serait|voudrait"
    r"|aimerait|considér\w*|quiere|querría|podría\w*|podria\w*|estudia\w*|considera\w*"
    r"|postpon\w*|delay\w*|ruling\s+out|ceas(?:e|es|ed|ing)\b|suspension|froze|frozen"
    r"|paus(?:e|es|ed|ing)\b|(?:stop|halt)(?:s|ped|ping)?\s+(?:\w+\s+){0,2}?(?:deliver\w*|send\w*"
    r"|suppl\w*|donat\w*|arms|weapons|aid|shipments?)|eingestellt|einzustellen|ausgesetzt"
    r"|auszusetzen|verschob\w*|verschieb\w*|verzöger\w*|report(?:é|ée|és|ent|era)"
    r"|retard\w*|suspend\w*|halt(?:s|ed|ing)|stopp\w*|gestoppt|freez\w*|gel(?:é|ée|er)"
    # ready or willing to give what it does not count ("is ready to provide assistance in
    # mine clearance", "est prête à aider", "sei bereit, ... zu liefern", "está dispuesta a
    # enviar"); "ready to move forward with sending $1 billion" names what it gives
    r"|(?:(?:is|are|was|were|be|been|stands?|stood|remains?)\s+(?:\w+\s+)?(?:ready|willing"
    r"|prepared)\s+to|(?:est|sont|était|étaient|serait|seraient|se\s+dit|se\s+disent"
    r"|s['’]est\s+dite?)\s+(?:\w+\s+)?(?:prête?s?|disposée?s?)\s+à|disposée?s?\s+à"
    r"|(?:ist|sind|sei|seien|wäre|wären|zeigte\s+sich|zeigten\s+sich)\s+(?:\w+\s+){0,2}"
    r"bereit\b|dispuest[oa]s?\s+a|(?:è|sono)\s+(?:pront[aoi]|dispost[aoi])\s+a"
    r"|(?:está|estão)\s+(?:pront[oa]s?|disposto\w*)\s+(?:a|para))"
    r"(?![^.;]{0,60}(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|dozen|hundred|thousand|deux|trois|quatre|cinq|sept|huit|dix|onze|douze|vingt|cent"
    r"|mille|zwei|drei|vier|fünf|sechs|sieben|zehn|elf|zwölf|hundert|tausend|dos|tres"
    r"|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|cien|due|quattro|cinque|sette|otto"
    r"|dieci|dodici|cento)\b))"
    # thanks for what was given ("Havrylov thanked Japan for the SDF supply of equipment",
    # "dankte ... für die bisherige Unterstützung"), unless for a decision just taken ("thanked
    # Latvia for ... the recent decision to provide 42 Patria")
    r"|(?:thank\w*|dankt\w*|bedankt\w*|remerci\w*|agradec\w*|ringrazi\w*|podziękow\w*"
    r"|dziękuj\w*|poděkov\w*|дяку\w*|подяку\w*|поблагодар\w*|благодар\w*)"
    r"(?![^.;]{0,160}\b(?:decision|decided|Bereitschaft|Entscheidung|décision|decisión"
    r"|decisione|rozhodnutí|decyzj\w*|рішення|решени\w*)\b)"
    # an aim, not a gift ("the coalition aims to supply", "vise à fournir", "Wir streben eine
    # Spende ... an", "the goal is to deliver"; "a partnership that aims to ..." is the
    # partnership's aim, not the clause's own)
    r"|(?<!that\s)aim(?:s|ed|ing)?\s+to|vis(?:e|ent|ait|aient)\s+à|streb\w*\b[^.;]{0,80}\ban\b"
    r"|(?:goal|aim|objective|target)\s+(?:is|was|of)\b"
    # trying, not giving ("tries to hand over", "versucht ... zu übergeben", "tente de livrer")
    r"|tr(?:y|ies|ied|ying)\s+to|attempt\w*|versuch\w*|bemüh\w*|tent(?:e|ent|ait|aient|é)\s+d(?:e|['’])"
    r"|essa(?:ie|ient|yé|yait|yaient)\s+d(?:e|['’])|cherch\w*\s+à|deliberat\w*"
    # refused or denied ("eine klare Absage", "denies", "dément")
    r"|Absage\w*|abgesagt|den(?:y|ies|ied|ying)|bestreit\w*|dément\w*|démenti\w*|dementier\w*"
    # not (yet) happened: supposed to, stuck, on hold, pending, on the agenda, a dispute
    r"|supposed\s+to|censée?s?|stuck|limbo|on\s+hold|auf\s+Eis|feststeck\w*|en\s+suspens"
    r"|pending|on\s+the\s+agenda|auf\s+der\s+(?:Agenda|Tagesordnung)|à\s+l['’]ordre\s+du\s+jour"
    r"|Entscheidung\s+über|Streit(?:e?s)?|Streitigkeit\w*|dilemm\w*|or\s+not|oder\s+nicht|ou\s+non"
    # a condition ("falls", "sofern", "si possible", "s'il"), a possibility ("the possible
    # supply of a Romanian Patriot system"; "as soon as possible" is masked by NOT_NEGATION)
    r"|falls|sofern|si\s+(?:possible|nécessaire|besoin)|s['’]ils?|possibl[ey]"
    # scrapped, not given ("decided to dismantle and dispose of 45 Taipan helicopters")
    r"|dismantl\w*|dispos(?:e|es|ed|ing)\s+of|scrap(?:s|ped|ping)?|verschrott\w*"
    r"|démantel\w*|mis\s+au\s+rebut|mettre\s+au\s+rebut"
    # found, not given: the shells a state "has found" or "identified" abroad are to be bought
    # ("Czechia has found up to 800,000 shells", "Prague a identifié plus d'un million d'obus",
    # "ausfindig gemacht")
    r"|(?:has|have|had)\s+(?:\w+\s+)?(?:found|identified)(?!\s+(?:that|a\s+way\s+around))"
    r"|identified\s+(?:up\s+to\s+|over\s+|more\s+than\s+|nearly\s+|about\s+|some\s+)?\d"
    r"|(?:a|ont|avait|avaient)\s+(?:déjà\s+)?(?:identifié|trouvé)"
    r"|(?:hat|haben|hatte|hatten)\b[^.;]{0,80}\b(?:gefunden|ausfindig\s+gemacht|identifiziert)"
    # shortages and a maker's product range: nothing given
    r"|shortages?|running\s+(?:low|short|out)|depleted|insufficient|manqu\w*|pénurie\w*"
    r"|insuffisan\w*|Mangel\w*|Engpass|Engpäss\w*|erschöpft|épuis\w*|portfolio"
    r"|product\s+(?:range|line)|Produktpalette|Produktportfolio|yet\s+to|wäre|wären)\b",
    _I,
)
#: phrases with "not"/"nicht"/"pas" that do not negate the pledge
NOT_NEGATION = re.compile(
    r"\b(?:not\s+only|not\s+least|no\s+later\s+than|nicht\s+nur|non\s+seulement|pas\s+seulement"
    r"|ne\s+\w+\s+que|whether\s+or\s+not|if\s+not\s+more|as\s+(?:soon|quickly|fast|rapidly)"
    r"\s+as\s+possible|le\s+plus\s+(?:vite|rapidement|tôt)\s+possible|dès\s+que\s+possible"
    r"|aussi\s+(?:vite|rapidement|tôt)\s+que\s+possible"
    r"|where\s+possible|wherever\s+possible)\b|\b[Nn]icht-\s*\w*"
    # a negation word inside an item's or a number's description in other languages:
    # "sistemas aéreos no tripulados", "una cantidad no revelada", "armi non letali",
    # "não menos de", "nie tylko", "не менее", "inte bara"
    r"|\b(?:no|non|não|nie|не|ні|niet|inte|ikke|ei)\s+(?:tripulad|pilotat|letal"
    r"|revelad|rivelat|especificad|specificat|divulgad|divulgat|identificad"
    r"|précisé|menos\s+de|meno\s+di|tylko|mniej|только|менее|менш|тільки|alleen|minder"
    r"|bara|mindre|bare|kun|vain|ainoastaan|sólo|solo|solamente|únicamente|soltanto"
    r"|obstante)\w*"
    # Portuguese "no" is "in the", no negation ("no valor de US$ 600 milhões", "no âmbito de")
    r"|\bno\s+(?:valor|montante|total|âmbito|quadro|dia|mês|ano|início|final|fim|campo|país"
    r"|sentido|entanto|seu|qual|mesmo|próximo|passado|último|primeiro|contexto|caso|território"
    r"|terreno|período|momento|domingo|sábado|leste|sul|norte|oeste)\b"
    # a shortage the aid is to remedy ("to address ammunition shortages", "faire face à la
    # pénurie", "gegen den Mangel")
    r"|\b(?:address\w*|tackl\w*|combat\w*|counter\w*|remed\w*|fill\w*|eas(?:e|es|ing)"
    r"|alleviat\w*|face\s+(?:à|aux)|pallier|combler|remédier|lutter\s+contre|gegen|behebe\w*"
    r"|bekämpf\w*|lindern)\s+(?:\S+\s+){0,4}?(?:shortages?|pénurie\w*|manques?|Mangel\w*"
    r"|Engp\w+)\b"
    # a debate as the setting, not the modality of the giving ("Amid the debate over future
    # arms aid, the government will send", "Inmitten der Debatte um", "en plein débat sur")
    r"|\b(?:amid(?:st)?|inmitten|mitten\s+in|au\s+(?:milieu|cœur|coeur)|en\s+plein)\s+"
    r"(?:the\s+|an?\s+|der\s+|einer\s+|du\s+|des\s+|de\s+la\s+|de\s+|d['’]\s*|l['’]\s*)?"
    r"(?:\w+\s+)?(?:debates?|Debatte\w*|débats?|discussions?|Diskussion\w*)\b"
    # French reported speech: a conditional after a past verb of saying is the future of the
    # past, not a hypothesis, when the verb is one of giving ("Blinken a déclaré que les
    # États-Unis fourniraient à l'Ukraine"; "arriveraient", "pourraient" and a negation
    # between stay as they are)
    r"|\b(?:a|ont|avait|avaient)\s+(?:déclaré|annoncé|indiqué|précisé|affirmé|assuré|confirmé"
    r"|promis|expliqué|ajouté|dit|fait\s+savoir)\s+qu(?:e\s+|['’]\s*)"
    r"(?:(?!\b(?:ne|pas|jamais|plus|n['’]|si|(?:pourr|devr|voudr|faudr|aimer)\w*)\b)"
    r"[^.;:!?])*?\b(?:fournir|livrer|enverr|donner|transférer|céder|accorder|octroier"
    r"|allouer|débloquer|financer|mettr|remettr|verser|consacrer|dépenser)(?:ait|aient)\b"
    # a proposal that is approved is a decision ("the President approved the government's
    # proposal to provide", "billigte den Vorschlag", "a approuvé la proposition")
    r"|\b(?:approv\w*|adopt\w*|accept\w*|endors\w*|back(?:s|ed)|billigt\w*|genehmigt\w*"
    r"|approuv\w*|entérin\w*)\s+(?:(?:the|a|den|einen|la|une|le)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:propos\w*|Vorschlag\w*|Vorlage)\b",
    _I,
)

#: not right after a span of time ("six months after", "vier Monate nach", "un an jour pour
#: jour après", "kurz nach"): such a phrase dates the event, it tells no past total (the
#: look-behinds follow the keyword, so that they are tried only where it stands)
_SPANS_OF_TIME = re.findall(
    r"\S+",
    "months month years year weeks week days day Monate Monaten Wochen Tage Tagen Jahre Jahren"
    " Jahr kurz mois ans an jour jours semaines peine shortly soon just",
)


def _not_after_a_span(keyword: str) -> str:
    """``keyword`` (a plain word) not preceded by a span of time."""
    return keyword + "".join(rf"(?<!{w}\s{keyword})" for w in _SPANS_OF_TIME)


CUMULATIVE = re.compile(
    r"\bsince\s+the\s+(?:start|beginning|outbreak|full[-\s]scale|invasion|war)"
    # "After the start of the full-scale invasion, Slovakia supported Kyiv by providing ..."
    # (not a date: "six months after the start of the war", "vier Monate nach Kriegsbeginn")
    r"|\b(?:" + _not_after_a_span("after") + "|" + _not_after_a_span("following") + r")\s+the\s+"
    r"(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|Russia['’]s\s+)?(?:full[-\s]scale\s+)?"
    r"(?:war|invasion|aggression)"
    r"|\b" + _not_after_a_span("nach") + r"\s+(?:(?:dem\s+)?(?:Beginn|Ausbruch|Start)\s+des\s+"
    r"(?:russischen\s+)?(?:Angriffs)?(?:Krieges|Kriegs|Invasion)|Kriegsbeginn)"
    r"|\b" + _not_after_a_span("après") + r"\s+le\s+(?:début|déclenchement)\s+de\s+"
    r"(?:la\s+guerre|l['’]invasion|l['’]offensive)"
    # a count at a date ("As of May 31, 2024, Prague has sent", "Stand Ende Mai", "en date du")
    r"|\bas\s+of\s+(?:the\s+end\s+of\s+|early\s+|mid-?|late\s+)?(?:\d|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|today|now|this\s+week)"
    r"|\b(?:mit\s+)?Stand\s+(?:vom|von|zum|Ende|Anfang|Mitte|\d)|\ben\s+date\s+du\b"
    r"|\bsince\s+"
    r"(?:February|Feb\.?)\s+(?:24,?\s+)?2022|\bsince\s+2022|\bsince\s+Russia"
    r"|\bso\s+far\b|\bto\s+date\b|\bthus\s+far\b|\bup\s+to\s+now\b|\buntil\s+now\b"
    r"|\bcumulative(?:ly)?\b|\bbring(?:s|ing)\s+(?:the|its|their|our|his|her)?\s*(?:\w+\s+){0,3}"
    r"total\b|\bbring(?:s|ing)\s+(?:[\w.'’]+\s+){1,5}to\s+(?:more\s+than\s+|over\s+)?[$€£\d]"
    r"|\btotal\s+(?:[\w.]+\s+){0,3}(?:aid|assistance|support|commitments?)\s+(?:to|of|at|since"
    r"|now)\b|\bha(?:s|ve)\s+(?:now\s+|already\s+)?(?:provided|given|delivered|supplied|sent"
    r"|committed|donated|pledged|spent|allocated)\s*,?\s+(?:[\w,]+\s+){0,5}?(?:more\s+than|over"
    r"|some|about|almost|nearly|around|approximately|roughly|a\s+total\s+of|in\s+excess\s+of)\b"
    r"|\bto\s+a\s+total\s+of\b|\btotal(?:l?ing)?\s+(?:of\s+)?(?:more\s+than|over)\b"
    r"|\bseit\s+(?:Kriegsbeginn|Kriegsausbruch|(?:dem\s+)?Ausbruch|Beginn|dem\s+Beginn|Februar\s+2022|2022|Anfang)|\bbislang\b"
    r"|\bbisher\b|\bbis\s+heute\b|\bbis\s+jetzt\b|\binsgesamt\s+(?:bereits|schon)\b"
    r"|\bdepuis\s+(?:le\s+début|février\s+2022|2022|l['’]invasion|le\s+déclenchement|que)"
    r"|\bjusqu['’]à\s+présent\b|\bjusqu['’]ici\b|\bà\s+ce\s+jour\b|\ben\s+tout\b"
    r"|\bau\s+total\s+depuis\b|\b(?:has|have|had)\s+already\b|\bhad\s+(?:previously\s+)?"
    r"(?:delivered|sent|supplied|provided|pledged|promised|given|donated)\b|\balready\s+"
    r"(?:delivered|sent|supplied|provided|given|donated)\b|\b(?:hat|haben|hatte|hatten|wurden"
    r"|wurde)\s+(?:\w+\s+){0,3}bereits\b|\bbereits\s+(?:\w+\s+){0,2}(?:geliefert|übergeben"
    r"|gespendet)|\b(?:a|ont|avait|avaient)\s+déjà\b|\bdéjà\s+(?:livré|fourni|envoyé|donné)"
    r"|\bya\s+(?:ha|han)\b|\bjá\s+(?:entregou|enviou|forneceu)\b|\bin\s+the\s+past\b"
    # a running total stated now ("The total cost of the packages provided by Finland to
    # Ukraine is currently €1.4 billion", "the total value of ... is now")
    r"|\btotal\s+(?:cost|value|worth|amount|sum)\b[^.;]{0,120}?\b(?:is|are|stands?|amounts?)"
    r"\s+(?:currently|now|at\s+present)\b"
    # a state's contributions all told ("Iceland's contributions in military aid amount to
    # 2.7bn ISK"): plural contributions add up to a total, not one package
    r"|\bcontributions\b[^.;]{0,60}?\b(?:amount(?:s|ed)?\s+to|total(?:s|led|ed)?)\b"
    # (not an authority granted before that a new package draws on: "under previously
    # authorized drawdowns", "dans le cadre de retraits précédemment ordonnés", "aus zuvor
    # genehmigten Mitteln")
    # (nor a participle that names what the new items are for: "munitions for the previously
    # provided HIMARS", "support for previously gifted AS-90s")
    r"|\b(?:previously(?<!\bthe\spreviously)(?<!\bfor\spreviously)(?<!\bits\spreviously)"
    r"(?<!\btheir\spreviously)|auparavant|précédemment|zuvor|früher)\b(?!\s+(?:authori[sz]\w*"
    r"|approved|appropriated|ordered|ordonn\w*|autoris\w*|approuv\w*|genehmigt\w*"
    r"|bewilligt\w*|beschlossen\w*))"
    r"|\b(?:since|seit\s+dem|depuis\s+le)\s+\d{1,2}\.?\s+\w+|\bsince\s+\w+\s+\d{1,2}\b"
    r"|\b(?:in|over)\s+(?:the\s+(?:past|last)\s+)?(?:(?:nearly|almost|about|around|some"
    r"|roughly)\s+)?(?:\w+\s+)?(?:months|years)\b"
    r"|\bhad\s+(?:\w+\s+){0,2}(?:\w+ed|given|sent|made)\b|\bhatte\w*\s+(?:\S+\s+){0,16}?"
    r"(?:ge\w+[tn]|\w+ge\w+[tn]|zugesagt)\b|\bbereits\b"
    + _IN_CLAUSE
    + r"{0,80}\b(?:hat|haben|hatte|hatten|wurde|wurden)\b|\balready\b"
    + _IN_CLAUSE
    + r"{0,60}\b(?:has|have|had)\b|\b(?:reach(?:es|ed)?"
    r"|atteign\w*|atteint|erreich\w*|s['’]él[eè]v\w*|beläuft|totali[sz]\w*)\b|\bavai(?:t|ent)\s+(?:\w+\s+){0,3}\w+(?:é|és|ée|is)\b"
    r"|\bport(?:e|ent|ant|era|ait)\s+(?:à\s|(?:\S+\s+){0,3}total)|\bse\s+chiffr\w*"
    r"|\boverall\s+(?:commitment|contribution|support|aid|value)|\bsince\s+(?:their|its)\s+"
    r"(?:delivery|arrival|transfer)|\bdepuis\s+(?:leur|sa|son|ses)\s+(?:livraison|arrivée)"
    r"|\bbelauf\w*|\bsteig\w*\s+(?:\S+\s+){0,6}auf\s|\bgesamte\w*\s+Summe\b"
    r"|\bdépass\w*|\bback\s+in\b|\bearlier\s+this\s+year\b|\bearlier\s+in\s+(?:the\s+)?\w+\b|\bbereits\s+(?:\w+\s+){0,2}(?:vereinbart\w*"
    r"|zugesagt\w*|beschlossen\w*|angekündigt\w*)|\b(?:last|previous)\s+year\b|\bim\s+Vorjahr\b|\bvergangene\w*\s+Jahr|\bl['’]an(?:née)?\s+dernier"
    r"|\ben\s+\w+\s+(?:mois|ans|années)\b|\bin\s+(?:den\s+(?:letzten|vergangenen)\s+)?"
    r"(?:\w+\s+)?(?:Monaten|Jahren)\b"
    # since a month ("Since February, the U.S. has shipped ..."), "seit März", "depuis mars"
    r"|\b(?:since|seit|depuis)\s+(?:(?:early|late|mid-?|Anfang|Ende|Mitte|début|fin|mi-)\s*)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril"
    r"|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
    # said in the subjunctive of reported speech ("habe bereits viel geleistet")
    r"|\b(?:habe|hätten?|sei|seien)\s+(?:\S+\s+){0,5}?bereits\b"
    # raised TO a sum: the new total ("increased its commitments to $35 billion",
    # "erhöhten ihre Zusagen ... auf 35 Milliarden", "porté ... à")
    r"|\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|doubl(?:e|es|ed|ing)"
    r"|erhöh\w*|aufgestockt|stockte\w*|a\s+augmenté"
    r"|ont\s+augmenté|augmentait|porté\w*)"
    r"\b[^.;]{0,160}?\b(?:to|auf|à)\s+(?:more\s+than\s+|over\s+|über\s+|mehr\s+als\s+"
    r"|rund\s+|plus\s+de\s+|près\s+de\s+)?[$€£]?\s?\d"
    # the total amount of aid ("le montant total de l'aide", "the total value of aid")
    r"|\b(?:montant\s+(?:total|global)|total\s+(?:amount|value)|Gesamt(?:summe|wert|betrag|umfang))"
    r"\s+(?:de\s+l['’]|of\s+(?:\w+\s+){0,2}|der\s+(?:\w+\s+)?)(?:aide|aid|assistance|support"
    r"|\w*[Hh]ilfe"
    r"|Unterstützung)"
    # an earlier contract or plan, kept ("un contrat antérieur", "hält an seinem Plan fest",
    # "reaffirmed its commitment")
    r"|\bantérieur\w*|\bhält\w*\s+(?:\S+\s+){0,4}?an\s+(?:\S+\s+){0,4}?fest\b|\bfesthalten"
    r"|\breaffirm\w*|\bbekräftig\w*|\bréaffirm\w*|\breiterat\w*",
    _I,
)
#: an earlier event told in the pluperfect ("had announced", "hatte ... angekündigt", "avait
#: annoncé"): every clause of its part of the sentence is past news, not a new pledge
PAST_EVENT = re.compile(
    r"\bhad\s+(?:\w+\s+){0,2}(?:announced|pledged|promised|agreed|decided|approved|sent"
    r"|delivered|supplied|provided|transferred|donated|handed)\b|\bhatte\w*\s+(?:\S+\s+){0,16}?(?:angekündigt|zugesagt"
    r"|beschlossen|geliefert|versprochen|genehmigt)\b|\bavai(?:t|ent)\s+(?:\w+\s+){0,3}"
    r"(?:annoncé|promis|décidé|livré|fourni|envoyé)\b",
    _I,
)
#: "since (the end of) February 2022", "depuis fin février 2022": a total to date, unless the
#: clause speaks of the future ("will train ... since 2023")
SINCE_YEAR = re.compile(
    r"\b(?:since|depuis|seit)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|fin\s+"
    r"|début\s+|mi-|Ende\s+|Anfang\s+|Mitte\s+)?(?:[\w'’]+\s+){0,6}?20\d\d\b",
    _I,
)
#: a verb in the past (simple, perfect or passive)
PAST_VERB = re.compile(
    r"\b(?:ont\s+été|have\s+been|were|wurden|sent|delivered"
    r"|supplied|provided|gave|donated|transferred|shipped|lieferte\w*|schickte\w*|a\s+(?:livré"
    r"|envoyé|fourni)|ont\s+(?:livré|envoyé|fourni))\b",
    _I,
)


#: the past tenses of giving and the future in the other languages (:mod:`.lexicon`), apart
#: from :data:`PAST_VERB` and :data:`FUTURE` (features of the modality filter): they carry a
#: recap of past totals on in those languages (``(?!)``: never matches when no family has
#: words of the kind)
PAST_VERB_OTHER = _lexical("past", r"\b(?:(?!)" + _SLOT + r")\b")
FUTURE_OTHER = _lexical("future", r"\b(?:(?!)" + _SLOT + r")\b")
#: "X also sent ...": more of what was just told
ALSO_PAST = re.compile(
    r"\b(?:also|auch|également|aussi)\s+(?:\w+\s+)?(?:sent|delivered|supplied"
    r"|provided|gave|donated|transferred|lieferte\w*|schickte\w*|livré|envoyé|fourni)\b",
    _I,
)
#: money a pool has raised from its contributors
RAISED = re.compile(
    r"\b(?:rais(?:ed|es)|collect(?:ed|és|ées|é)|gesammelt|eingesammelt|zusammengekommen"
    r"|contributed|contribué|verser|versé\w*)\b",
    _I,
)
FUTURE = re.compile(r"\b(?:will|shall|wird|werden|va|vont|devrait|devraient)\b", _I)
#: what was given before, said so: "Earlier, the Netherlands funded ...", "Estonia has
#: previously donated ...", "Litauens früheres Militärhilfepaket umfasste ...", "the previous
#: support packages", "Tidigare tillkännagav ..." (not "in addition to the four previously
#: delivered", nor "previously purchased from Great Britain")
PREVIOUSLY = re.compile(
    r"^\W*(?:earlier|previously|früher|zuvor|auparavant|précédemment|anteriormente"
    r"|in\s+precedenza|wcześniej|раніше|ранее|tidigare|tidligere|eerder)\b"
    # (not earlier the same day or week: "Earlier today", "Eerder vandaag" tell today's news)
    r"(?!\W*(?:today|this\s+(?:morning|afternoon|week)|on\s+\w+day|in\s+the\s+day|heute"
    r"|am\s+\w+tag|diese\s+Woche|vandaag|deze\s+week|idag|i\s+dag|i\s+går|dziś|dzisiaj"
    r"|сьогодні|сегодня|dans\s+la\s+journée|hoy|oggi|hoje))"
    r"|\b(?:has|have|had)\s+previously\b"
    r"|\b(?:previous|earlier|früher\w*|vorherig\w*|précédent\w*|anterior\w*|precedent\w*"
    r"|wcześniejsz\w*|попередн\w*|предыдущ\w*|tidigare|tidligere|eerdere?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:packages?|donations?|batch|tranches?|aid|Paket\w*|Hilfspaket\w*|Militärhilfepaket\w*"
    r"|Lieferung\w*|paquets?|livraisons?|envois?|paquetes?|pacchett[oi]|pakiet\w*|пакет\w*"
    r"|paket\w*|pakke\w*|pakket\w*)\b",
    _I,
)
#: a thing given before, named by an attributive phrase inside a new pledge: "costs for
#: equipment already given", "munitions for the AS90 guns already provided by the UK", "systems
#: donated previously", "pour les armes déjà livrées", "systèmes qui leur ont déjà été fournis",
#: "für bereits gelieferte Waffensysteme", "..., die bereits geliefert wurden". What the phrase
#: names was given before; the clause's other items are not a past total for it. Before the
#: groups ``en`` and ``fr`` (an adverb and a participle) must stand a word that is no auxiliary
#: or pronoun (:data:`ATTRIBUTIVE_AUX`: "it has already provided", "a déjà livré" are past
#: totals); the pattern starts at the adverb, so that it is tried only where one stands
ATTRIBUTIVE_PAST = re.compile(
    r"(?P<en>\b(?:already|previously)\s+(?:delivered|sent|supplied|provided|given|donated"
    r"|transferred)\b(?=\s*(?:[.,;:)]|$|by\b|to\b|in\b|and\b|as\b|from\b)))"
    r"|\b(?:delivered|sent|supplied|provided|given|donated|transferred)\s+"
    r"(?:previously|earlier|before)\b"
    r"|\b(?:the|its|their|these|those|all|for|of)\s+(?:already|previously)[\s-](?:delivered"
    r"|sent|supplied|provided|given|donated|transferred)\b"
    r"|\b(?:which|that)\s+(?:have|has|had)\s+(?:already|previously)\s+been\s+\w+"
    r"|(?P<fr>\bdéjà\s+(?:livré|fourni|envoyé|donné|cédé|transféré)e?s?\b)"
    r"|\bqui\s+(?:leur\s+|lui\s+)?(?:ont|a|avaient|avait)\s+déjà\s+été\s+\w+"
    r"|\b(?:bereits|schon)\s+(?:an\s+die\s+Ukraine\s+)?(?:geliefert|übergeben|gespendet"
    r"|zugesagt|bereitgestellt)e[nmrs]?\b"
    r"|,\s*(?:die|das|der|welche)\s+(?:\w+\s+){0,3}(?:bereits|schon)\s+(?:\w+\s+){0,2}"
    r"(?:geliefert|übergeben)\s+(?:wurden|wurde|worden)\b",
    _I,
)
#: the word before an English or French match of :data:`ATTRIBUTIVE_PAST`
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
#: what any phrase of :data:`ATTRIBUTIVE_PAST` holds: looked for first, as most clauses have none
_ATTRIBUTIVE_WORD = re.compile(
    r"already|previously|déjà|bereits|schon|(?:ed|sent|given)\s+(?:earlier|before)", _I
)
#: the words before "already provided" / "déjà livré" that make it a verb, not an attribute
ATTRIBUTIVE_AUX = frozenset({
    "has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "'s", "'ve", "it",
    "they", "he", "she", "we", "i", "you", "who", "which", "that", "not", "also", "a", "ont",
    "avait", "avaient", "été", "sont", "est", "était", "étaient", "avons", "avez", "ai",
    "aurait", "auraient", "sera", "seront", "il", "elle", "ils", "elles", "on", "nous", "vous",
    "qui",
})  # fmt: skip


def attributive_past(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of :data:`ATTRIBUTIVE_PAST` phrases in text[a:b] (see there)."""
    out: list[tuple[int, int]] = []
    if _ATTRIBUTIVE_WORD.search(text, a, b) is None:
        return out
    for m in ATTRIBUTIVE_PAST.finditer(text, a, b):
        if m.group("en") or m.group("fr"):
            before = _WORD_BEFORE.search(text, max(a, m.start() - 30), m.start())
            if before is None or before.group(1).lower() in ATTRIBUTIVE_AUX:
                continue
        out.append(m.span())
    return out


#: "already" in German: with no verb in the future, what was given before ("Petrovska zufolge
#: hat ihr Land der Ukraine bereits ... Kampfpanzer ... übergeben", "Litauen habe in diesem Jahr
#: schon Munition ... geliefert"), not "wie bereits erwähnt" (as said before)
ALREADY_DE = re.compile(r"(?<!wie\s)\b(?:bereits|schon)\b(?!\s+(?:erwähnt|berichtet|gesagt))", _I)
FUTURE_DE = re.compile(r"\b(?:soll|sollen|sollte|sollten|künftig|demnächst)\b", _I)
#: a German modal in the past before a passive infinitive: "werden" is no future there ("konnte
#: bereits fast eine Milliarde Euro eingesammelt werden")
PAST_MODAL_DE = re.compile(r"\b(?:konnte|konnten|musste|mussten|durfte|durften)\b", _I)
#: a pool by its kind, unnamed ("the initiative", "die Initiative zur Stärkung der
#: Luftverteidigung", "la coalition"): what it has raised is its own sum
POOL_KIND = re.compile(
    r"\b(?:initiatives?|Initiative|coalitions?|Koalition|initiativ\w*|iniciativ\w*|iniziativ\w*"
    r"|koalic\w*|coalizi\w*|coalici\w*)\b",
    _I,
)
#: weak markers: "in total" is a package's value ("worth €15 million in total") unless the
#: clause is in the perfect tense ("has given £7 billion in total") or says "since"
WEAK_CUMULATIVE = re.compile(
    r"\bin\s+(?:total|all)\b|\baltogether\b|\boverall\b|\binsgesamt\b|\bau\s+total\b", _I
)
PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?(?:\w+ed|given|sent|spent|made|done|been)\b"
    r"|\bsince\b|\bhat\s+(?:\w+\s+){0,6}(?:ge\w+t|gegeben)\b|\ba\s+(?:déjà\s+)?(?:\w+é|fourni"
    r"|donné|livré|envoyé)\b",
    _I,
)
#: a sample of what was given before: "has provided, among other things, 28 tanks", "hat unter
#: anderem ... geliefert", "a notamment livré": with a perfect of giving, a past total's list
AMONG_OTHERS = re.compile(
    r"\b(?:among\s+other\s+things|among\s+others|inter\s+alia|unter\s+anderem|u\.\s?a\."
    r"|notamment|entre\s+autres|entre\s+otros|tra\s+l['’]altro)(?!\w)",
    _I,
)
GAVE_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:[\w,]+\s+){0,4}?(?:provided|sent|delivered|supplied|donated|given"
    r"|transferred|shipped|handed)\b|\b(?:hat|haben)\b[^.;]{0,160}?\b(?:geliefert|geschickt"
    r"|gespendet|übergeben|bereitgestellt|abgegeben|überlassen)\b|\b(?:a|ont)\s+(?:\w+\s+){0,2}?"
    r"(?:livré|fourni|envoyé|expédié|donné|cédé|transféré)",
    _I,
)
#: the articles before an Italian, Spanish or Portuguese ordinal (:data:`ORDINAL`)
_ROMANCE_ARTICLES: tuple[str, ...] = (
    "il",
    "lo",
    "la",
    "el",
    "un",
    "una",
    "del",
    "della",
    "al",
    "alla",
    "do",
    "da",
    "no",
    "na",
    "o",
    "a",
)
#: ordinals after "first" (English, German, French; Italian, Spanish and Portuguese after an
#: article, "secondo" being "according to" too; Slavic ones with an adjective's ending, not
#: "десятки" (tens); numerals "10th", "10e", "10.º", "10-й"): the rank of the new package
#: among those given since a date, as "first" in :data:`NOT_CUMULATIVE` and
#: :data:`FIRST_OTHER`
ORDINAL = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+tieth|zweite\w*|dritte\w*|vierte\w*|fünfte\w*|sechste\w*|siebte\w*"
    r"|achte[nrs]?|neunte\w*|zehnte\w*|elfte\w*|zwölfte\w*|\w+zehnte\w*|\w+zigste\w*"
    r"|deuxième|seconde?|troisième|\w+ième|\d{1,3}(?:st|nd|rd|th|e|ème|[.]?[ºª]|-(?:й|ий|ый"
    r"|ой|го|ого|ому|ої|а|я))"
    r"|(?:" + "|".join(rf"(?<=\b{a}\s)" for a in _ROMANCE_ARTICLES) + r")(?:second[oa]"
    r"|terz[oa]|quart[oa]|quint[oa]|sest[oa]|settim[oa]|ottav[oa]|non[oa]|decim[oa]|\w+esim[oa]"
    r"|segund[oa]|tercer[oa]?|sext[oa]|séptim[oa]|octav[oa]|noven[oa]|décim[oa]|\w+ésim[oa]"
    r"|terceir[oa]|sétim[oa]|oitav[oa])"
    r"|(?<=\bl['’])(?:ottav[oa]|\w+esim[oa])"
    r"|(?:трет|четверт|п['’]ят|пят|шост|шест|сьом|седьм|восьм|дев['’]ят|девят|десят|\w+надцят"
    r"|\w+надцат|двадцят|двадцат|trzec|czwart|piąt|szóst|siódm|ósm|dziewiąt|dziesiąt|\w+nast"
    r"|dwudziest|čtvrt|pát|šest|sedm|osm|devát|desát|\w+náct)"
    r"(?:ий|ій|ого|ому|им|ім|ый|ой|ая|ую|ої|ей|[аеуяюі]|y|ego|ym|ej|ą|a|ý|á|é|ého|ém|í|ího))"
)
NOT_CUMULATIVE = re.compile(
    r"\b(?:largest|biggest|most|first|single)\b[^.;]{0,60}\b(?:so\s+far|to\s+date|yet)\b"
    # "its first delivery of heavy equipment since the start of the invasion", "the tenth
    # package since the start of the war", "das zehnte seit Kriegsbeginn": a rank, no total
    r"|\b(?:first|largest|biggest|erste\w*|größte\w*|premi(?:er|ère)s?|plus\s+grand\w*"
    r"|" + ORDINAL + r")\b[^.;]{0,60}\b(?:since|seit|depuis)\b"
    # the sum of the new package itself ("Die Kosten für das neue Paket ... belaufen sich auf
    # rund 43 Millionen Euro", "the new package amounts to"): its value, no running total
    r"|\b(?:neue\w*|jüngste\w*|aktuelle\w*|new|latest|nouveau|nouvel\w*|dernier)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:Paket\w*|Hilfspaket\w*|package|paquet)\b[^.;]{0,60}"
    r"\b(?:belauf\w*|amounts?\s+to|totals?|totalling|se\s+chiffr\w*|s['’]élève\w*)\b",
    _I,
)
#: a second part that takes back the first ("..., but Seoul has denied this claim", "but it
#: needs permission from Germany", "but officials have not confirmed these reports", "but it
#: remains unclear if they would send"): the items before are not given
BUT_DENIES = re.compile(
    r"\b(?:but|aber|doch|mais|pero)\b[^.;]{0,100}\b(?:denied|den(?:y|ies)|not\s+(?:yet\s+)?"
    r"confirm\w*|unclear|yet\s+to|permission|approval|dementiert\w*|nicht\s+bestätigt"
    r"|démenti\w*|pas\s+confirmé\w*|negó|desmintió)\b",
    _I,
)
#: "first" in the other languages: "u prvoj isporuci ... od početka invazije", "en su
#: primera entrega ... desde el inicio" rank the new delivery, they total nothing
FIRST_OTHER = re.compile(
    r"\b(?:prv(?:i|a|o|oj|og|om|e|ý|á|é|ní)|první\w*|pierwsz\w*|перш\w*|перв\w*|първ\w*"
    r"|första|første|eerste|ensimmäi\w*|pirm\w*|esimes?\w*|első|πρώτ\w*|ilk|primer[oa]?"
    r"|primeir[oa]|prim[oa]|primul\w*|" + ORDINAL + r")\b",
    _I,
)
URGENT = re.compile(
    r"\b(?:urgent(?:ly)?|critical(?:ly)?|desperate(?:ly)?|immediate(?:ly)?|dringend\w*"
    r"|sofort|urgence|urgent\w*)\b",
    _I,
)
#: arms in general, no item: a need for them is an ``unspecified`` need
GENERIC_ARMS = re.compile(
    r"\b(?:weapons?|arms|armes|armement\w*|Waffen\w*|armi|armas|(?:military|weapons)\s+"
    r"(?:aid|assistance|support)|Militärhilfe|aide\s+militaire)\b",
    _I,
)
#: the recipient's urgent needs as such, with no item: an ``unspecified`` need
URGENT_NEEDS = re.compile(
    r"\b(?:urgent|critical|pressing|most\s+urgent)\s+needs\b|\bneeds\s+(?:are|remain)\s+urgent"
    r"|\bbesoins\s+(?:les\s+plus\s+)?urgents\b|\bdringend\w*\s+Bedarf|\bBedarf\s+\w*\s*dringend"
    r"|\bnecesidades\s+(?:más\s+)?urgentes|\bnecessidades\s+(?:mais\s+)?urgentes",
    _I,
)
#: several donors each giving the stated number; a joint total belongs to no single donor
EACH = re.compile(
    r"\b(?:each|apiece|respectively|jeweils|je|chacun\w*|chaque|elk|ieder|hver|hvert|vardera"
    r"|varje|respektive|respectievelijk|cada|ciascun\w*|rispettivamente|respectivamente"
    r"|każd\w*|každ\w*|кожн\w*|кажд\w*"
    # the Slavic distributive before a number ("po 10 czołgów", "по 10 танків": 10 each)
    r"|po(?=\s+\d)|по(?=\s+\d))\b",
    _I,
)
#: the figures go to the givers in the order both are named ("Belgium and the Netherlands
#: promised €200 million and €100 million, respectively"); some of these words are in
#: :data:`EACH` too, which only says the figures are no joint total
RESPECTIVELY = re.compile(
    r"\b(?:respectively|respectivement|respektive|respectievelijk|rispettivamente"
    r"|respectivamente|odpowiednio|vastaavasti|відповідно|соответственно)\b",
    _I,
)
#: a sentence about trade: a nation after "from"/"to" is the seller or the destination
TRADE = re.compile(
    r"\b(?:buy\w*|bought|purchas\w*|procur\w*|export\w*|import\w*|order\w*|kauf\w*|gekauft|sold"
    r"|sale|sales|sell\w*|lend\w*|lent|loan\w*|verkauf\w*|vend\w*|prêt\w*"
    r"|ach[eè]t\w*|export\w*)\b",
    _I,
)
#: a nation the items go to (not the recipient: aid to someone else)
DESTINATION_BEFORE = re.compile(
    r"(?:\bto|\ban|\bnach|\bà|\baux|\bau|\bfor)\s+(?:the\s+|die\s+|den\s+|l['’]|les\s+|la\s+)?$",
    _I,
)
#: another state's forces as the receiver, around that state's adjective: "give the Czech army
#: 15 Leopard 2", "to the Slovak armed forces", "der tschechischen Armee", "à l'armée grecque"
#: (a ring exchange or backfill: the items go there, not to the recipient)
FORCES_TO_BEFORE = re.compile(
    r"(?:(?<!according\s)(?<!due\s)(?<!thanks\s)\bto\s+the\s+|\b(?:give[sn]?|gave|giving|supply"
    r"|supplies|supplied|provide[sd]?|deliver(?:s|ed)?|send[s]?|sent)\s+the\s+"
    # German: the dative after a verb of giving or a modal ("gibt Deutschland der
    # tschechischen Armee", "will Deutschland der ..."), or "an die"; French: the noun first
    r"|\b(?:gib\w*|gab\w*|geben|liefer\w*|überl\w*|übergib\w*|übergab\w*|schick\w*|stell\w*"
    r"|will|wird|werden|soll\w*|hat|haben|kann)\s+(?:[\w-]+\s+){0,2}?(?:der|den)\s+|\ban\s+die\s+"
    r"|\b(?:à|pour)\s+l['’]armée\s+|\baux\s+forces\s+armées\s+)$",
    _I,
)
FORCES_AFTER = re.compile(
    r"\s+(?:army|armed\s+forces|military|Armee|Streitkräften?|Bundeswehr|Heer)\b", _I
)
#: a purchase for the donor's own forces or to refill its own stocks ("for the Bundeswehr",
#: "the US Army is going to order", "to replenish", "backfill", "nachzubeschaffen",
#: "reconstituer les stocks"): in a sentence that does not name the recipient, no aid
OWN_FORCES = re.compile(
    r"\b(?:für\s+die\s+Bundeswehr|(?:die\s+)?(?:deutsche\s+)?(?:Bundeswehr|Luftwaffe|Marine|Heer)\s+(?:hat|bestellt\w*|beschafft\w*|kauft\w*"
    r"|erhält|bekommt)|(?:U\.?S\.?|American|British|French|German)\s+(?:Army|Navy|Air\s+Force"
    r"|military|forces)\s+(?:(?:is|are|will|has|have)(?!\s+(?:\w+\s+)?(?:send|sent|deliver|provid"
    r"|transfer|ship|give|gave|given|donat))|orders?|ordered|buys?|bought|to)"
    r"|for\s+(?:the\s+)?(?:U\.?S\.?|American|British|French|German)\s+(?:Army|Navy|Air\s+Force"
    r"|military|forces|armed\s+forces)|for\s+(?:its|their|our)\s+own|für\s+(?:die\s+)?eigene\w*"
    r"|pour\s+(?:ses|leurs|nos|sa|son|notre)\s+propres?|pour\s+(?:l['’]armée|les\s+armées)\s+(?:française|de\s+terre"
    r"|de\s+l['’]air|belge|françaises)|replenish\w*|backfill\w*"
    # a restock OF what is given, or of Kyiv's stocks, is aid ("a restock of ammunition for the
    # HIMARS", "to restock Kyiv's ammunition coffers")
    r"|restock(?!s?\s+of\b|\s+(?:Kyiv|Kiev|Ukraine)['’]s\b)\w*|replace\s+(?:\w+\s+)?"
    r"(?:stocks?|stockpiles?|weapons|inventor\w*)|nachzubeschaffen|Nachbeschaffung\w*"
    r"|Wiederauffüllung|aufzufüllen|reconstitu\w*|recompléter|remplacer\s+(?:les\s+)?stocks"
    # renewing its own fleet, its own defence budget ("to replace its obsolete Soviet-era
    # fleet", "to raise this year's defence spending to two percent of GDP")
    r"|replace\s+(?:its|their|the\s+country['’]s)\s+(?:[\w-]+\s+){0,3}?(?:fleet|tanks|aircraft"
    r"|jets|helicopters|vehicles|equipment|arsenal)|defen[cs]e\s+(?:spending|budget)"
    r"|Verteidigungs(?:ausgaben|haushalt\w*|etat\w*)|dépenses\s+de\s+défense"
    # a state's own order, counted ("Finland ordered 164 armored personnel carriers",
    # "Sweden has ordered 321 vehicles", "bestellte 100", "a commandé 42")
    r"|(?:(?:has|have|had)\s+)?(?:ordered|purchased|bought)\s+(?:more\s+than\s+|over\s+"
    r"|another\s+|a\s+further\s+|an\s+additional\s+)?\d+"
    r"|bestellte[n]?\s+(?:mehr\s+als\s+|weitere\s+)?\d+|(?:a|ont)\s+commandé\s+(?:plus\s+de\s+)?\d+"
    r")\b",
    _I,
)
#: items that go to someone not named, not the recipient ("an einen osteuropäischen Staat",
#: "to an Ontario-based company", "à un client européen"): in a sentence that does not name the
#: recipient, no aid
OTHER_DESTINATION = re.compile(
    r"\b(?:to|an|à)\s+(?:an?|einen?|une?|another|einen\s+anderen|un\s+autre)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:company|firm|contractor|customer|client|state|country|Unternehmen|Firma|Kunden|Staat"
    r"|Land|entreprise|société|pays|État)\b",
    _I,
)
#: production and capacity, not aid: "the plant will produce 200,000 shells a year",
#: "Rheinmetall baut seine Kapazitäten aus", "l'usine fabriquera": in a sentence that does not
#: name the recipient, no aid
PRODUCTION = re.compile(
    r"\b(?:produc(?:e|es|ed|ing|tion)|manufactur\w*|herstell\w*|produzier\w*|Produktion\w*"
    r"|fabriqu\w*|(?<!de\s)fabrication|production|capacit(?:y|ies|é|és)|Kapazität\w*|factory|factories"
    r"|plants?|usines?|Fabrik\w*|Werk|Werke[ns]?|Munitionswerk\w*|output)\b"
    # not where an item is made ("produced by FN Herstal", "fabriqués en Belgique")
    r"(?!\s+(?:by|in|par|en|von|in|au|aux|dans|locally)\b)",
    _I,
)
#: a donor paying for production ("Denmark will finance the production of 18 howitzers"): aid
FINANCES = re.compile(r"\b(?:financ\w*|finanzier\w*|fund(?:s|ed|ing)?|pay(?:s|ing)?\s+for)\b", _I)
#: items that arrived in a nation: it is where they went ("est arrivée en Pologne")
ARRIVED_IN_BEFORE = re.compile(
    r"\b(?:arriv\w*|eingetroffen|angekommen|landed|delivered)\s+(?:in|en|à|au|aux|nach|to)\s+"
    r"(?:the\s+)?$",
    _I,
)
#: a nation the items go to ("delivered first to Poland", "nach Polen"): a destination, no donor
TO_BEFORE = re.compile(
    r"(?<!according\s)(?<!thanks\s)(?<!due\s)(?<!close\s)(?<!next\s)"
    r"(?:\bto|\bnach)\s+(?:the\s+)?$",
    _I,
)
#: money for civil purposes (humanitarian aid, energy, reconstruction, refugees, budget)
CIVIL = re.compile(
    r"\b(?:humanitarian|humanitär\w*|humanitaire\w*|reconstruction|rebuild\w*|Wiederaufbau"
    r"|recovery|energy|Energie|énergie|refugees?|Flüchtling\w*|réfugiés?|budget\s+support"
    r"|Haushaltshilfe|macro-?financial|civilian\s+population|displaced|forced\s+to\s+leave"
    r"|Vertriebene\w*|déplacés|Kreditgarantie\w*|loan\s+guarantees?|garanties?\s+de\s+prêt"
    r"|capital(?:-fund)?\s+(?:support|injection|increase)|expansion|production\s+capacity"
    r"|Kapazitätsausbau"
    # a loan is lent, not given ("un préstamo de U$S 500 millones", "a $500 million loan")
    r"|loans?|préstamos?|prestit[oi]|empréstimos?|Darlehen|Kredit(?:e|en)?|un\s+prêt|prêts)\b",
    _I,
)
#: aid for civil and military purposes together ("militær og sivil støtte på 75 milliarder
#: kroner", "une aide civile et militaire de 75 milliards", "financial, military and
#: humanitarian support"): its sum is no military pledge (none such is labelled one)
_CIVIL_AID = r"(?:civil|sivil|humanit|cywil|siviil)\w*"
#: between the two words: "and" (up to one word before it) or a comma, then up to two words
_AID_AND = (
    r"(?:,?\s+(?:\w+\s+){0,1}?(?:og|and|et|und|e|y|i|och|en|a|и|і|ja|sekä|ir|un)\s+|,\s*)"
    r"(?:\w+,?\s+){0,2}?"
)
MIXED_AID = re.compile(
    rf"\b(?:{_CIVIL_AID}|(?:цивіль|гуманітар|гуманитар|humaniš)\w*){_AID_AND}milit\w*"
    rf"|\bmilit\w*{_AID_AND}{_CIVIL_AID}",
    _I,
)
#: NATO's Prioritised Ukraine Requirements List, under which allies buy American arms for
#: the recipient
PURL = re.compile(r"\bPURL\b|\bPrioriti[sz]ed\s+Ukraine\s+Requirements?\s+List\b", _I)
#: a threat the items protect against ("protection against drones"), not an item given
AGAINST_BEFORE = re.compile(
    r"\b(?:against|gegen|contre|vor)\s+(?:(?:the|die|den|les|des|la|le|enemy|Russian|russische\w*"
    r"|russes?|incoming|hostile|ballistic|ballistische\w*|aerial|cruise)\s+){0,3}$",
    _I,
)
#: a verb whose objects are targets, not items given ("designed to intercept aircraft,
#: helicopters and cruise missiles", "conçus pour intercepter ... les avions", "para derribar
#: misiles"): the items after it in its sentence are no gift (not German, whose verb comes
#: after its objects: "um Drohnen abzufangen")
TARGET_VERB = re.compile(
    r"\b(?:intercept(?:s|ing|ed)?|shoot(?:s|ing)?\s+down|shot\s+down|intercepter|interceptent"
    r"|intercepte|abattre|interceptar|intercepta"
    r"|derribar|intercettare|intercetta|abbattere|onderscheppen|przechwytywa\w*|zestrzeliwa\w*"
    r"|zachytávat|sestřelovat|перехоплювати|перехоплення|перехватывать|перехвата)\b",
    _I,
)
#: the aggressor's use of its weapons, after its name ("Russia had launched 130 missiles, more
#: than 320 attack drones", "Russland feuerte 40 Raketen ab", "la Russie a tiré 90 missiles"):
#: what is launched is no item given or asked for
AGGRESSOR_LAUNCH = re.compile(
    r"\s+(?:(?:has|had|have|hat|hatte|a|avait|ha|había|also|again|then|overnight)\s+){0,3}"
    r"(?:launch(?:es|ed)?|fired|fires|used|uses|deployed|sent|hurled|attacked\s+with"
    r"|struck\s+with|abgefeuert|feuerte\w*|setzte\w*\s+\w+\s+ein|eingesetzt|gestartet"
    r"|startete\w*|tiré|lancé|utilisé|lanzó|lanzado|disparó|disparado|lanciato|sparato"
    r"|wystrzelił\w*|випустил\w*|запустил\w*|выпустил\w*)\b",
    _I,
)
#: an attack named by its weapon, after it ("missile attacks", "drone strikes", "Drohnen-
#: Angriffe") or before it ("attaques de drones", "ataques con misiles", "Angriffe mit
#: Drohnen"): the weapon is the attacker's
ATTACK_AFTER = re.compile(
    r"[\s-]*(?:attacks?|strikes?|raids?|terror|barrages?|Angriff\w*|Attacke\w*|Beschuss)\b", _I
)
ATTACK_BEFORE = re.compile(
    r"\b(?:attacks?\s+(?:by|with|of)|strikes?\s+(?:by|with)|Angriff\w*\s+mit|Beschuss\s+mit"
    r"|attaques?\s+(?:de|d['’]|aux?)|frappes?\s+(?:de|d['’])|ataques?\s+(?:con|de)"
    r"|attacchi\s+(?:con|di))\s+(?:\w+\s+){0,2}$",
    _I,
)
#: parts and service for equipment: what follows names the equipment they serve, not what is
#: given ("spare parts for equipment, including the tanks in service", "Ersatzteile für die
#: Panzerhaubitzen", "pièces de rechange pour les chars", "pezzi di ricambio per ... carri
#: armati", "maintenance of the F-16s")
SERVICE_FOR = re.compile(
    r"\b(?:spare\s+parts|spares|maintenance|repairs?|servicing|replacement\s+(?:parts|engines"
    r"|barrels))\s+(?:for|of)\b"
    r"|\b(?:Ersatz\w+|Wartung|Instandsetzung|Instandhaltung)\s+(?:für|der|von)\b"
    r"|\b(?:pièces\s+de\s+rechange|maintenance|réparation|entretien)\s+(?:pour|des|du|de\s+la)\b"
    r"|\b(?:pezzi\s+di\s+ricambio|manutenzione|riparazione)\s+(?:per|dei|delle|degli|del|della)\b"
    r"|\b(?:repuestos|piezas\s+de\s+repuesto|mantenimiento|reparaci[oó]n)\s+(?:para|de)\b",
    _I,
)
#: items arrived or delivered ("have arrived in Ukraine", "sind eingetroffen", "ont été remis",
#: "zijn aangekomen", "já chegaram"): an event of giving whose giver may be named only by the
#: items' adjective; the other languages' words are the families' (each family's pledge
#: words hold them too)
ARRIVED = _lexical(
    "arrived",
    r"\b(?:arriv(?:ed|es|ing)|delivered|handed\s+over|eingetroffen|angekommen|geliefert"
    r"|übergeben|arrivée?s?|livrée?s?|remise?s?" + _SLOT + r")\b",
)
#: the maker or former owner of an item ("previously owned by Germany", "made by the US")
OWNER_BEFORE = re.compile(
    r"\b(?:owned|produced|built|manufactured|designed|developed|operated)\s+by\s+"
    r"(?:the\s+)?$",
    _I,
)
#: a nation adjective after the name of a scheme ("l'initiative tchèque", "la coalition
#: danoise"): the scheme's name, not a donor
SCHEME_BEFORE = re.compile(
    r"\b(?:initiative|coalition|plan|modèle|programme|iniciativa|coalición|iniziativ[ae]"
    r"|coalizione|inicjatyw\w*|koalicj\w*|iniciativ\w*|koalic\w*|initiatie\w*|initiativ\w*"
    r"|ініціатив\w*|инициатив\w*|коаліці\w*|коалици\w*|iniţiativ\w*|inițiativ\w*"
    r"|kezdeményez\w*|πρωτοβουλί\w*|girişim\w*)\s+$",
    _I,
)
#: a nation only compared with: "more than Germany", "celles de l'Allemagne"
COMPARED_BEFORE = re.compile(
    r"(?:\bthan|\bthat\s+of|\bthose\s+of|\bcelles?\s+de|\bceux\s+de|\bcelui\s+de)"
    r"\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+)?$",
    _I,
)
#: a nation that is only a place: transit, host, venue, production site
PLACE_BEFORE = _functional(
    "place",
    r"(?:\bin|\bvia|\bthrough|\bacross|\bthroughout|\binside|\bnear|\bdurch|\bim|\bin\s+der"
    r"|\b" + _word_slot("in") + r"|\bdans|\bpar|\bdepuis)\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+)?$",
)
#: "together with" in the corpus' languages: partners who give with the subject (a pattern's
#: text, read by :data:`DONOR_JOIN` and by the reader's sentence opener of partners)
TOGETHER_WITH = (
    r"(?:together|jointly|along)\s+with|(?:gemeinsam|zusammen)\s+mit|samt"
    r"|(?:sammen|tillsammans|samen)\s+med|samen\s+met|(?:conjointement|ensemble)\s+avec"
    r"|junto\s+(?:con|com)|insieme\s+(?:a|ad|con)|wraz\s+z|spolu\s+s|разом\s+з|вместе\s+с"
)
#: what stands between two donors of one list ("the USA, Denmark, the Netherlands and
#: Germany", "Polska i Czechy"), matched whole
DONOR_JOIN = _functional(
    "donor_join",
    r"(?:\s|,|&|\band\b|\bthe\b|\bas\s+well\s+as\b|\bor\b|/|\bund\b|\bet\b|\bdie\b"
    r"|\bla\b|\ble\b|\bles\b|\bl['’]|\bsowie\b|\bainsi\s+que\b|\bas[ís]\s+como\b"
    r"|\bbem\s+como\b"
    # the articles of a declined name ("von Dänemark und den Niederlanden") and "and" in the
    # batches' other languages (y, e, en, og, och, ir, un, ja, és, και), and the text's
    # language's own where they are no "and" elsewhere (Polish and Czech "i", "a")
    r"|\bden\b|\bdem\b|\bder\b|\bde\b|\bhet\b|\bel\b|\blos\b|\blas\b|\bos\b"
    r"|\bas\b|\bo\b|\bil\b|\bgli\b|\by\b|\be\b|\bed\b|\ben\b|\bog\b|\boch\b"
    r"|\bir\b|\bun\b|\bja\b|\bés\b|\bκαι\b|\bи\b|\bй\b|\bта\b|\b" + _word_slot("and") + r"\b"
    # partners giving with the subject: "Germany, together with Denmark and ..."
    r"|\b(?:" + TOGETHER_WITH + r")\b)*",
    0,
)
#: "livrés par l'Allemagne", "durch Deutschland geliefert": "par" and "durch" name the agent of
#: a passive of giving, not a place passed through ("transitent par la Pologne", "durch Polen
#: transportiert"), when a participle of giving stands right before "par" (French) or the
#: sentence's passive is one of giving (German: "wurden durch Deutschland ... geliefert")
AGENT_PAR = re.compile(
    r"\b(?:livr|fourni|envoy|offert|donn|financ|céd|transfér|accord|promis|annonc|octroy"
    r"|débloqu|fabriqu\w*\s+et\s+livr)\w*\s+(?:[\w'’-]+\s+){0,3}?par\s+(?:la\s+|le\s+|l['’]|les\s+)?$",
    _I,
)
AGENT_DURCH_PASSIVE = re.compile(
    r"\b(?:wurden?|werden|wird|worden)\b[^.;:]{0,80}\b(?:geliefert|bereitgestellt|übergeben"
    r"|überlassen|zugesagt|finanziert|gespendet|geschenkt|übermittelt|zur\s+Verfügung\s+gestellt)\b",
    _I,
)
TRANSIT = re.compile(
    r"\b(?:transit\w*|passe\w*|achemin\w*|transport\w*|gebracht|Transit\w*|über\s+die\s+Grenze)\b",
    _I,
)
#: how a pledge is sourced, from words of its sentence: stock, procurement, fund
CHANNEL_CUES = (
    (
        "stock",
        re.compile(
            r"\b(?:drawdown|from\s+(?:its\s+|their\s+|our\s+)?(?:own\s+)?"
            r"(?:stocks?|inventor(?:y|ies))|stockpiles?|Bundeswehrbeständen|Beständen"
            r"|stocks\s+de)\b",
            _I,
        ),
    ),
    (
        "procurement",
        re.compile(
            r"\b(?:USAI|Security\s+Assistance\s+Initiative|procure\w*|contracts?|buy\w*"
            r"|purchas\w*|order\w*|from\s+industry|Ertüchtigungsinitiative|beschaff\w*"
            r"|achat\w*|commande\w*)\b",
            _I,
        ),
    ),
    (
        "fund",
        re.compile(
            r"\b(?:through|via|from)\s+the\s+[\w\s]{0,40}?(?:fund|facility|initiative)\b", _I
        ),
    ),
)
#: generic words of arms aid: a donor's clause with one of them and no item is an
#: ``unspecified`` pledge ("Supply of arms and ammunition made by the USA")
ARMS = _lexical(
    "arms",
    r"\b(?:arms|weapons|military\s+(?:aid|assistance|support|equipment|package)|security"
    r"\s+assistance|defen[cs]e\s+(?:aid|package|materiel)|aid\s+package|package|Waffen\w*"
    r"|Rüstungsgüter\w*|Militärhilfe\w*|Militärgüter|Hilfspaket\w*|armes|aide\s+militaire"
    r"|matériel\s+militaire|équipements?\s+militaires?" + _SLOT + r")\b",
    _I,
)

#: arms makers (never donors; a nation word right before one names its home, not a donor)
FIRM_NAMES = (
    r"Rheinmetall|Nammo|KNDS|Nexter|BAE(?:\s+Systems)?|Lockheed(?:\s+Martin)?|Raytheon|RTX|Diehl"
    r"|Krauss-Maffei|KMW|Baykar|Saab|Thales|MBDA|Junghans|Colt|CSG|Czechoslovak\s+Group|Excalibur"
    r"|Hensoldt|Leonardo|Naval\s+Group|Dassault|Safran|General\s+Dynamics|Northrop|Boeing|Hanwha"
    r"|Elbit|Rafael|Patria|Kongsberg|Aselsan|Roketsan|FFG|Milrem|Helsing|Quantum\s+Systems"
    r"|AeroVironment|Anduril|Skyeton|Ukroboronprom|Fincantieri|Iveco|Renk|Hägglunds|Bofors"
)
FIRM = re.compile(
    rf"\b(?:{FIRM_NAMES}|the\s+(?:company|firm|manufacturer|group)|der\s+Konzern"
    r"|an?\s+(?:company|firm|start-?up|manufacturer)|une\s+(?:PME|start-?up|société|entreprise)"
    r"|ein\s+(?:Unternehmen|Hersteller|Start-?up|Mittelständler)"
    r"|das\s+Unternehmen|le\s+groupe|l['’]entreprise|le\s+fabricant)\b"
)
#: a verb of giving right before a nation: that nation receives ("lend the U.S. 500,000 rounds")
GIVE_TO_BEFORE = re.compile(
    r"\b(?:lend|lent|lending|loan(?:ed)?|give|gave|giving|send|sent|sell|sold|selling|offer(?:ed)?"
    r"|provid(?:e|ed|ing)|supply|supplied|deliver(?:ed)?|transfer(?:red)?)\s+(?:the\s+)?$",
    _I,
)
#: a scheme right after a state's adjective or genitive names whose scheme it is ("the Czech
#: initiative", "die tschechische »Initiative«", "Tjeckiens initiativ", "the UK-led
#: coalition", "czeską inicjatywę"): the state leads the pool, and gives nothing by that mention
SCHEME_AFTER = re.compile(
    r"(?:-led)?\s*[»«\"„“”]?\s*(?:(?:ammunition|munitions?|Munitions?|drone|artillery"
    r"|Artillerie|amunicyjn\w*|muniční\w*)\s+)?(?:initiatives?|coalition|initiativ\w*|iniciativ\w*"
    r"|iniziativ\w*|inicjatyw\w*|ініціатив\w*|инициатив\w*|koalic\w*|coalizion\w*|coalici\w*"
    r"|Koalition)\b",
    _I,
)
#: generic arms words after a nation adjective: the weapons' origin ("amerikanische Waffen")
ORIGIN_NOUN = re.compile(
    r"\s+(?:weapons|arms|Waffen\w*|armes|armas|armamento|equipment|materiel|matériel|Rüstung\w*"
    r"|systems?|Systeme?n?|systèmes?|sistemas?)\b",
    _I,
)
#: a commitment made now (for a donor named with arms aid but no item or sum)
COMMITS = _lexical(
    "commits",
    r"\b(?:will|shall|announc\w*|pledg\w*|commit\w*|financ\w*|fund(?:ed|s|ing)|co-financ\w*"
    r"|contribut\w*|provid\w*|promis\w*|approv\w*|decid\w*|agreed|sign(?:s|ed)|deliver\w*|send"
    r"|sends|sent|donat\w*|supply|supplies|supplied|wird|werden|liefer\w*|"
    + SAGT_ZU
    + r"|zugesagt|kündigt\w*|angekündigt|finanzier\w*|beteilig\w*|stellt\w*|va|vont|fournir\w*"
    r"|fournira\w*|livr\w*|financer\w*|contribu\w*|annonc\w*|enverra\w*|enviará\w*|enviar"
    r"|entregará\w*|donará\w*|geliefert|übergeb\w*|übergib\w*|übergab\w*|schick\w*|geschickt"
    r"|bereitgestellt|zur\s+Verfügung" + _SLOT + r")\b",
    _I,
)
#: a list item: "-- 75,000 rounds", "• 20 mortars", "1. ..."
BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]+|\d{1,2}[.)])\s+")
#: a line of hashtags ("#Ukraine #USA #Patriot") is furniture
HASHTAGS = re.compile(r"(?:#\w+\s*){3,}")

#: a nation word that names a firm, a medium or a place of production, not a donor state:
#: "German manufacturer Rheinmetall", "le journal français", "die britische Zeitung"
FIRM_AFTER = _functional(
    "firm_after",
    r"[\s-]*(?:['’]s\s+)?(?:(?:defen[cs]e|arms|state-owned|private)\s+)?(?:newspaper|daily|media|press"
    r"|news\s+agency|broadcaster|outlet|magazine|company|companies|firm|firms|manufacturer"
    r"|manufacturers|maker|makers|group|industry|industries|producer|contractor|arms\s+maker"
    r"|Zeitung|Medien|Konzern|Hersteller|Unternehmen|Rüstungskonzern|Rüstungs\w+|Firma"
    r"|Nachrichtenagentur|" + _word_slot("medium") + r"|Blatt|Magazin|crowdfunding|campaign"
    r"|volunteers|citizens|activists|diaspora|Spendenaktion|Spenden|collecte|cagnotte|bénévoles|"
    + FIRM_NAMES
    + r")\b",
)
FIRM_BEFORE = re.compile(
    r"\b(?:journal|quotidien|média|médias|presse|groupe|entreprise|industriel|fabricant"
    r"|constructeur|société|agence|chaîne|hebdomadaire|site|newspaper|Zeitung|Blatt"
    # a maker's branch or a nation's industry in Romance word order ("branche française",
    # "l'industrie de la défense tchèque", "una PME alsacienne")
    r"|branche|filiale|PME|subsidiary|industrie(?:\s+(?:de\s+(?:la\s+)?|d['’])(?:défense|armement))?"
    r"|industria(?:\s+(?:de\s+(?:la\s+)?defensa|della\s+difesa))?)\s+$",
    _I,
)

#: furniture lines: links, teasers, share and subscribe buttons, photo credits
FURNITURE = re.compile(
    r"^\s*(?:See\s+also|Read\s+(?:also|more)|Also\s+read|More\s+on|More\s+from|Related"
    r"(?:\s+(?:articles?|stories|news|content|coverage))?|Recommended|Most\s+(?:read|popular)"
    r"|Trending|Share(?:\s+this)?|Subscribe|Sign\s+up|Advertisement|Sponsored|Tags?|Topics?"
    r"|Photo|Image|Picture|Credit|Source|Lire\s+aussi|À\s+lire\s+aussi|A\s+lire\s+aussi"
    r"|Voir\s+aussi|Sur\s+le\s+même\s+sujet|Lesen\s+Sie\s+auch|Mehr\s+zum\s+Thema|Auch"
    r"\s+interessant|Das\s+könnte\s+Sie\s+auch\s+interessieren|Weitere\s+Artikel|Anzeige"
    r"|Publicité|Foto|Bild|Teilen|Newsletter|Follow\s+us|Watch|Video|Listen|Copyright|©)\b"
    r"[\s:|>»-]*",
    _I,
)
#: a furniture heading alone on its line ("Related", "See also:") makes the short lines after
#: it (teaser titles) furniture until a blank line
FURNITURE_HEADING = re.compile(
    r"^\s*(?:See\s+also|Read\s+(?:also|more)|Also\s+read|Related(?:\s+\w+)?|More\s+on\s+\w+"
    r"|Recommended|Most\s+read|Lire\s+aussi|À\s+lire\s+aussi|Voir\s+aussi|Sur\s+le\s+même"
    r"\s+sujet|Lesen\s+Sie\s+auch|Mehr\s+zum\s+Thema|Weitere\s+Artikel|Das\s+könnte\s+Sie"
    r"\s+auch\s+interessieren)\s*:?\s*$",
    _I,
)

# -- discourse: who gives, across sentences (issue 15) --------------------------------------
#: a sentence that goes on with the package of the pledge sentence just before it ("It also
#: includes ...", "Darüber hinaus ...", "Dazu gehören ...", "En outre ...", "Von den 5,6
#: Milliarden Kronen sollen ..."): with no donor of its own, its items are the same donor's
CONTINUES = _lexical(
    "continues",
    r"\b(?:also|in\s+addition|additionally|furthermore|moreover|as\s+well|besides"
    r"|includ\w*|consist\w*\s+of|compris\w*|contain\w*|of\s+which|of\s+this|the\s+remaining"
    r"|the\s+rest|part\s+of\s+(?:it|the|this)"
    r"|auch|außerdem|ausserdem|zudem|darüber\s+hinaus|ferner|weiter(?:hin)?|hinzu\s+komm\w*"
    r"|dazu\s+(?:gehör\w*|zähl\w*|komm\w*)|umfass\w*|umfasst|beinhalt\w*|enthält|enthalt\w*|enthielt\w*"
    r"|handelt\s+es\s+sich|davon|von\s+den|neben\s+den|zusätzlich|ebenfalls"
    r"|unter\s+anderem|inbegriffen|darunter|besteh(?:t|en)\s+aus|aus\s+[^.;]{1,80}\bbestehen"
    r"|aussi|également|en\s+outre|par\s+ailleurs|de\s+plus|en\s+plus|compren\w*|inclu\w*"
    r"|il\s+s['’]agit|dont|le\s+reste|les\s+fonds\s+restants|une\s+partie|outre"
    r"|también|además|incluye|asimismo|anche|inoltre|comprende|também|além\s+disso|inclui"
    r"|även|också|dessutom|omfattar|ingår|inkluderar|også|desuden|dessuten|omfatter"
    r"|ook|daarnaast|bovendien|również|także|ponadto|obejm\w*|také|rovněž|dále" + _SLOT + r")\b",
    _I,
)
#: a verb that lists a package's contents ("it includes", "Sie umfasse", "il comprend"): a
#: stronger sign than :data:`CONTINUES` that the sentence goes on with the package told before
#: (the other languages' verbs are their family's, :mod:`.lexicon`)
CONTENTS = _lexical(
    "contents",
    r"\b(?:includ(?:es?|ing|ed)|contain(?:s|ed|ing)?|compris(?:es?|ing|ed)|consist(?:s|ed)?\s+of"
    r"|beinhalt\w*|enthält|enthalt\w*|enthielt\w*|umfass\w*|umfasst|comprend\w*|contien\w*"
    r"|dazu\s+(?:gehör|zähl)\w*"
    r"|inclu(?:t|ait|ra|ent)" + _SLOT + r")\b",
)
#: the agent of a passive or the origin of what is given, right before a donor named after the
#: items: "handed over by Germany", "von Deutschland geliefert", "fourni par la France",
#: "€1 billion drone package from Norway", "Abschussrampen ... aus Deutschland"
AGENT_BEFORE = re.compile(
    r"\b(?:by|from|von|vonseiten|seitens|durch|aus|par|de\s+la\s+part\s+d[eu]s?|por|parte\s+de"
    r"|da|dalla|dal|dai|przez|od|av|fra|door|uit)\s+(?:the\s+|der\s+|den\s+|dem\s+|la\s+|le\s+"
    r"|l['’]|les\s+|die\s+|el\s+|los\s+|las\s+)?$",
    _I,
)
#: a plural subject of other givers ("Many countries are donating ...", "Partner liefern ..."):
#: the minister who says so speaks, his state does not give
OTHER_GIVERS = re.compile(
    r"\b(?:countries|allies|partners|nations|donors|others|Länder|Staaten|Verbündeten?|andere"
    r"|Partner(?:länder)?|autres"
    r"|(?:les|des|plusieurs|nombreux|autres|\d+)\s+pays|alliés|partenaires|países|aliados"
    r"|paesi|alleati"
    # a collective giver named as such ("the coalition provided", "die Koalition wird"): not
    # the states named in an earlier sentence, one by one
    r"|(?:the|die|la|le)\s+(?:[\w-]+\s+)?(?:coalition|Koalition|coalizione|coalición|alliance"
    r"|Allianz))\b",
    _I,
)
#: a speech verb right before or after a name ("Austin said", ", said Austin", "sagte Pistorius")
SPEAKER_AFTER = re.compile(
    r"\s*(?:III\s+|Jr\.?\s+)?(?:said|says|told|noted|added|stressed|sagte|sagt|erklärte|betonte"
    r"|a\s+déclaré|a\s+dit|a\s+affirmé|a\s+souligné|wrote|schrieb|a\s+écrit)\b",
    _I,
)
SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|told|noted|added|stressed|sagte|sagt|erklärte|betonte|a\s+déclaré|a\s+dit"
    r"|a\s+affirmé|a\s+souligné|according\s+to|laut|selon)\s+"
    # (not "added that the UK will send": the nation after "that" is the reported giver)
    r"(?:(?!(?:that|dass|que|qu)\b)\w+\s+){0,4}$",
    _I,
)
#: a partner of the giver, not a giver: "buy shells in cooperation with France"
PARTNER_BEFORE = re.compile(
    r"\b(?:in\s+(?:cooperation|co-operation|partnership|coordination)\s+with|in\s+Zusammenarbeit"
    r"\s+mit|in\s+Kooperation\s+mit|en\s+(?:coopération|partenariat|coordination)\s+avec"
    r"|en\s+cooperación\s+con|in\s+collaborazione\s+con)\s+(?:the\s+|la\s+|le\s+|l['’])?$",
    _I,
)
#: nouns a number counts that are no item ("3 years", "sieben Tagen", "12 nations", "70
#: instructors"): a number right before one binds to no item
COUNT_NOUN = re.compile(
    r"(?:years?|months?|weeks?|days?|hours?|decades?|times|percent|per\s*cent|countries"
    r"|nations|states|allies|partners|members|people|persons|soldiers|troops|servicemen"
    r"|instructors|trainers|personnel|pilots|experts|officials|ministers|leaders|companies"
    r"|firms|contracts?|agreements?|packages?|tranches?|rounds\s+of\s+(?:talks|aid|sanctions)"
    r"|Jahre[ns]?|Monate[ns]?|Wochen|Tage[ns]?|Stunden|Jahrzehnte[ns]?|Mal|Prozent|Länder[n]?"
    r"|Staaten|Nationen|Partner[n]?|Verbündete[n]?|Mitglieder[n]?|Menschen|Personen|Soldaten"
    r"|Ausbilder[n]?|Piloten|Experten|Firmen|Unternehmen|Verträge[n]?|Pakete[n]?"
    r"|ans|années|mois|semaines|jours|heures|fois|pour\s*cent|pays|nations|États|alliés"
    r"|partenaires|membres|personnes|soldats|instructeurs|pilotes|experts|entreprises"
    r"|años|meses|semanas|días|horas|veces|por\s+ciento|países|naciones|estados|aliados|socios"
    r"|personas|soldados|instructores|pilotos|anos|dias|vezes|nações|pessoas|anni|mesi"
    r"|settimane|giorni|volte|paesi|nazioni|persone|soldati|istruttori"
    # measures: "3.800 tonnes de fuel", "5 toneladas de material": no count of units
    r"|tonnes?|tons?|tonnen|kilo(?:gram(?:me)?s?)?|kg|litres?|liters?|Liter|toneladas|litros"
    r"|tonnellate|litri|barrels|Fässer|m³|cubic\s+met(?:er|re)s)\b",
    _I,
)
_DONE_EN = (
    r"(?:sent|delivered|supplied|provided|given|pledged|promised|donated|transferred|committed"
    r"|announced|shipped|handed\s+over)"
)
#: the stems of the participles of giving in Spanish, Portuguese and Italian (their endings
#: follow), read by the asides of :data:`PAST_TOTAL_ASIDE`
_DONE_ES = r"(?:entregad|enviad|suministrad|donad|prometid|cedid)\w*"
_DONE_PT = r"(?:entregue|enviad|fornecid|doad|prometid|cedid)\w*"
_DONE_IT = r"(?:consegnat|inviat|fornit|donat|promess|ceduti)\w*"
_SPAN = r"(?:[^,;.]|(?<=\d)[.,](?=\d)){0,60}?"


def _given_before(already: str, relative: str, auxiliary: str, done: str) -> str:
    """What was "already" given ("ya entregados") or what the giver had given, in a relative
    clause in the perfect or pluperfect ("que había enviado"), in Spanish, Portuguese and
    Italian (:data:`PAST_TOTAL_ASIDE`)."""
    return (
        rf"(?:\b{already}\s+(?:\w+\s+)?|\b{relative}\s+(?:\w+\s+)?(?:{already}\s+)?"
        rf"(?:{auxiliary})\s+(?:{already}\s+)?)" + done
    )


#: an aside that names what was given before, beside a new pledge ("in addition to the 14
#: already sent", "zusätzlich zu den bereits gelieferten 14 Panzern", "en plus des 14 déjà
#: livrés"): the past total is this phrase's own, the rest of the clause is new
PAST_TOTAL_ASIDE = re.compile(
    r"\b(?:in\s+addition\s+to|on\s+top\s+of|besides|beyond|adding\s+to)\s+"
    + _SPAN
    + r"\b(?:(?:already|previously|earlier)\s+(?:been\s+)?(?:\w+\s+)?"
    + _DONE_EN
    + r"|(?:has|have|had)\s+(?:already\s+|previously\s+)?(?:been\s+)?"
    + _DONE_EN
    + r")\b(?:\s+(?:earlier|before|previously|already|to\s+(?:Ukraine|Kyiv|Kiev)))?"
    r"|\bzusätzlich\s+zu\s+(?:den|dem|der)\s+"
    + _SPAN
    + r"\b(?:bereits|schon|zuvor)\b"
    + _SPAN
    + r"(?=,|\s+(?:weitere\w*|noch|nun|jetzt|zusätzlich\w*|nochmals|erneut)\b)"
    # ... already given, or that the giver had given ("en plus des 20 qu'elle avait livrés",
    # "además de los 20 que había enviado", "oltre ai 20 che aveva inviato")
    r"|\ben\s+plus\s+(?:des|du|de\s+la|de\s+ceux|de\s+celles)\s+"
    + _SPAN
    + r"(?:\bdéjà\s+(?:\w+\s+)?|\bqu(?:e\s+|['’])(?:\w+\s+)?(?:a|ont|avait|avaient|avons"
    r"|avions)\s+(?:déjà\s+)?)(?:livré|fourni|envoyé|promis|donné|cédé|transféré)\w*"
    r"|\badem[aá]s\s+de\s+(?:los|las|el|la)\s+"
    + _SPAN
    + _given_before("ya", "que", r"había|habían|ha|han|hemos|habíamos", _DONE_ES)
    + r"|\balém\s+d(?:os|as|o|a)\s+"
    + _SPAN
    + _given_before("já", "que", r"tinha|tinham|havia|haviam|tem|têm", _DONE_PT)
    + r"|\boltre\s+(?:ai|alle|agli|al|alla|allo)\s+"
    + _SPAN
    + _given_before("già", "che", r"aveva|avevano|ha|hanno|abbiamo|avevamo", _DONE_IT)
    # the new sum "takes" or "brings" the total to a figure ("The $60.9 million in additional
    # assistance takes Australia's total contribution to date to over $285 million"): the
    # total from the verb on is the aside
    + r"|\b(?:takes|took|taking|brings|brought|bringing|raises|raising|lifts|lifting)\s+"
    r"(?:[\w'’.-]+\s+){0,3}?total\b[^.;]{0,80}?\bto\s+(?:more\s+than\s+|over\s+|about\s+"
    r"|almost\s+|nearly\s+|some\s+|around\s+)?(?:[$€£]|(?-i:[A-Z]{3})\s|\d)[^.;,]{0,30}"
    # (with the examples of that total: "..., including 100 tanks")
    r"(?:,\s*(?:including|among\s+them|of\s+which)\b[^.;]{0,120})?"
    # a prior act told as a participle phrase beside the clause's own ("Britain, having donated
    # over 300,000 rounds, is increasing ...", "après avoir livré 18 chars, la France enverra",
    # "Nachdem Deutschland bereits 18 Panzer geliefert hat, schickt es", "tras haber enviado",
    # "dopo aver inviato", "depois de ter enviado"): the phrase up to its comma
    r"|\bhaving\s+(?:already\s+|previously\s+|earlier\s+)?(?:been\s+)?"
    + _DONE_EN
    + r"\b[^.;,]{0,120}"
    r"|\baprès\s+(?:avoir|être)\s+(?:déjà\s+)?(?:livr|fourni|envoy|donn|cédé|transfér|promis"
    r"|remis|offert)\w*[^.;,]{0,120}"
    r"|\bnachdem\b[^.;,]{0,120}?\b(?:geliefert|übergeben|gespendet|geschickt|bereitgestellt"
    r"|zugesagt|überlassen)\s+(?:hat|hatte|haben|hatten|wurde|wurden|worden\s+(?:ist|war|sind"
    r"|waren))\b"
    r"|\b(?:tras|después\s+de)\s+haber\s+(?:ya\s+)?" + _DONE_ES + r"[^.;,]{0,120}"
    r"|\bdopo\s+aver(?:e)?\s+(?:già\s+)?" + _DONE_IT + r"[^.;,]{0,120}"
    r"|\b(?:depois\s+de|após)\s+ter\s+(?:já\s+)?" + _DONE_PT + r"[^.;,]{0,120}",
    _I,
)
#: more German pledge words, present and future only ("abgeben", "die Auslieferung",
#: "überlassen"; "wurden ... abgegeben" tells the past); apart
#: from :data:`PLEDGE_CUE` so that the modality filter's features do not move
PLEDGE_CUE_MORE = re.compile(
    r"\b(?:abgeben|abzugeben|abgibt|Auslieferung\w*|auszuliefern|überlassen|überlässt"
    # participles used as adjectives ("die von Deutschland gelieferten Panzer", "das
    # zugesagte Paket"): the endings of declension
    r"|(?:geliefert|zugesagt|gespendet|übergeben|geschickt|gekauft|angekündigt|beschlossen"
    r"|bereitgestellt|überlassen|zugesichert|versprochen|bewilligt|genehmigt|finanziert"
    r"|bestellt)(?:e|en|er|es|em))\b",
    _I,
)
# -- the recipient's requests (read by the need rules in :mod:`.extract` with :mod:`.speaker`)
#: a verb or noun of ASKING: its subject is the one who asks ("Kyiv asked Germany for Taurus",
#: "Selenskyj bat um ...", "l'Ukraine réclame ...", "Zelensky ha chiesto ..."); a request counts
#: as a need whoever reports it
REQUEST = _lexical(
    "request",
    r"\b(?:ask(?:s|ed|ing)?\s+(?:[\w.’\'-]+\s+){0,4}?for|ask(?:s|ed|ing)?\s+(?:[\w.’\'-]+\s+){1,4}?to\s+(?:send"
    r"|provide|deliver|supply|give|transfer)\b|pleas?\s+for|calls(?=\s+by\s)"
    r"|ask(?:s|ed|ing)?\s+(?:allies|partners|the\s+West"
    r"|Western|countries|nations)|request(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on\s+(?:[\w.’\'-]+\s+){0,3})?"
    r"(?:for|to\s+(?:send|provide|deliver|supply|speed|step|increase|boost))|appeal(?:s|ed|ing)?"
    r"|urg(?:es|ed|ing)\s+(?:[\w.’\'-]+\s+){0,4}?to\s+(?:send|provide|deliver|supply|give|speed|step"
    r"|increase|boost)|urg(?:es|ed|ing)|call(?:s|ed|ing)?\s+on|plead(?:s|ed|ing)?|rief\b|aufgerufen"
    r"|aufgefordert|aufforder\w*|appelé|lancé\s+un\s+appel|exig\w*"
    r"|lobb(?:y|ies|ied|ying)\s+for|push(?:es|ed|ing)?\s+for|demand(?:s|ed|ing)?|wish\s?list"
    # lobbying, approaching, pushing a giver ("lobbying Australia to provide", "approached
    # Finland for fighter jets", "pushing allies for more shells")
    r"|lobb(?:y|ies|ied|ying)\s+(?:[\w.’\'-]+\s+){1,3}?to\s+(?:send|provide|deliver|supply|give"
    r"|donate|transfer)|approach(?:es|ed|ing)?\s+(?:[\w.’\'-]+\s+){1,3}?for"
    r"|push(?:es|ed|ing)?\s+(?:[\w.’\'-]+\s+){1,3}?for"
    r"|(?:push|press)(?:es|ed|ing)?\s+(?:[\w.’\'-]+\s+){1,3}?to\s+(?:send|provide|deliver|supply|give"
    r"|increase|boost|speed|step)"
    # persuading and pressing a giver ("trying to persuade Germany to send", "tente de
    # convaincre Berlin de livrer", "presse l'Allemagne de livrer", "zu bewegen")
    r"|persuad\w*|convaincre|convainc\w*|überzeug\w*\s+(?:[\w.’'-]+\s+){0,4}?zu|zu\s+bewegen"
    r"|press(?:e|ent|ait|é)\s+(?:[\w.’'-]+\s+){0,3}?d(?:e|['’])\s*(?:lui\s+|leur\s+|nous\s+)?"
    r"(?:livrer|fournir|envoyer)|wirb\w*\s+um|werben\s+um|warb\s+um"
    r"|(?:insist\w*\s+pour|cherch\w*\s+à)\s+obtenir"
    r"|priority\s+list|fordert\w*|forderte\w*|gefordert|Forderung\w*|bittet|bat\b|gebeten|Bitte\s+um"
    r"|bettel(?:t|te|ten|n)\b"
    r"|appellier\w*|verlangt\w*|drängt\w*|dringt|beantragt\w*|angefordert|Wunschliste"
    r"|réclam\w*|demand(?:e|é|ée|és|ées|ait|aient|ent|ons|ez)\b|sollicit\w*"
    r"|appel(?:le|lent|é|ait|aient)\b|wünsch(?:t|te|ten|e|en)\b"
    r"|exhort\w*|implor\w*|pid(?:e|ió|en|ieron)|solicit\w*|pedido\w*|pede\w*|chies\w*|chied\w*"
    r"|richiest\w*|prosi\w*|prosił\w*|zaapelował\w*|apel\w*|žád\w*|požád\w*|požad\w*"
    r"|plaid\w*\s+pour|gevraagd|vraagt"
    r"|vragen|vroeg|verzoek\w*|ber\s+om|bad\s+om|bett\s+om|kér(?:i|t|te|ték|nek|jük|ünk)?"
    r"|kérés\w*|проси\w*|попрос\w*|проха\w*|звернув\w*\s+до|обратил\w*\s+к"
    # asking in LT, LV, ET, FI, EL, RO, TR, AR
    r"|(?:pa)?praš(?:o|ė|ė|ym\w*)|lūdz\w*|palu(?:b|s|sid|tud)|pyyt(?:ää|äneet)|pyysi|ζήτη\w*"
    r"|ζητ(?:ά|ού|ώ)\w*|(?:a\s+)?cer(?:ut|e)|talep\w*|istedi|طلب|يطالب|طالب"
    # a request in the imperative ("Send us more", "Donnez-nous ces Patriot", "Gebt uns")
    r"|send\s+us|give\s+us|envoyez[-\s]nous|donnez[-\s]nous|livrez[-\s]nous|schickt\s+uns"
    r"|gebt\s+uns|liefert\s+uns|geben\s+Sie\s+uns|dajcie\s+nam|дайте\s+нам"
    # wanting and hoping for: a request when the recipient wants ("Kiev veut des chars")
    r"|want(?:s|ed)?|veut|voulons|veulent|voulait|wollen|will\s+(?:mehr|weitere)|souhait\w*"
    r"|vill\s+ha|vil\s+have|vil\s+ha"
    r"|hope(?:s|d)?\s+for|hoping\s+for|hofft\w*\s+auf|espère\w*|quiere\w*|vuole" + _SLOT + r")\b",
    _I,
)
#: a request said in the passive, with its asker after it ("demandés par Kiev", "requested by
#: Ukraine", "von Kiew gefordert"): the asker follows
#: a proposal that the government approved is a decision, not a plan under consideration
#: ("the government supported the minister's proposal to send Ukraine handguns", "auf
#: Vorschlag der Regierung billigte", "wurde der Vorschlag ... unterstützt"): the word
#: "proposal" is read as no sign of "not given" when an approving verb stands in its clause
PROPOSAL = re.compile(r"\b(?:proposals?|Vorschlag|Vorschläge|propositions?)\b", _I)
APPROVED = re.compile(
    r"\b(?:approv(?:ed|es)|supported|adopted|backed|endorsed|accepted|unterstützt|gebilligt"
    r"|billigte\w*|angenommen|genehmigt|beschlossen|zugestimmt|stimmte\w*\s+(?:\w+\s+){0,3}zu"
    r"|approuvé\w*|approuv(?:e|ent|a)|adopté\w*|validé\w*|entérin\w*)\b",
    _I,
)
REQUEST_BY = re.compile(r"^\s*(?:by|par|von|de\s+la\s+part\s+de|por|da|door)\s", _I)
#: a request or need that is answered: the sentence is the donor's response, not a need
#: ("in response to Ukraine's request", "fulfilling a request from", "répondant aux demandes
#: de Kiev", "auf Bitte der Ukraine", "to meet its most urgent needs", "the need is met")
REQUEST_MET = re.compile(
    r"\b(?:in\s+response\s+to|responding\s+to|in\s+answer\s+to|answering|fulfill?(?:s|ed|ing)?"
    r"|following|after|at|upon|in\s+line\s+with|heeding)\s+(?:\w+['’]?s?\s+){0,3}?(?:requests?"
    r"|demands?|pleas?|appeals?|calls?|wish(?:es)?)\b"
    r"|\b(?:meet(?:s|ing)?|met|address(?:es|ed|ing)?|satisf(?:y|ies|ied|ying)|fulfill?(?:s|ed|ing)?"
    r"|cover(?:s|ed|ing)?|based\s+on|according\s+to|in\s+line\s+with|tailored\s+to)"
    r"\s+(?:\w+['’]?s?\s+){0,4}?(?:needs|requirements|requests?)\b"
    r"|\bfulfill?\w*\s+(?:\w+\s+){0,2}?(?:promises?|pledges?|commitments?)\b"
    r"|\b(?:Versprechen|Zusagen?)\s+(?:\w+\s+){0,2}?(?:einzulösen|einlösen|erfüllen|einhalten)"
    r"|\btenir\s+(?:\w+\s+){0,2}?(?:promesses?|engagements?)\b"
    r"|\b(?:répon\w*|suite|conformément|correspond\w*)\s+(?:à|aux)\s+(?:\w+['’]?\s*){0,4}?"
    r"(?:demandes?|besoins?|urgences?|attentes?|appels?)\b|\bà\s+la\s+demande\b"
    r"|\baprès\s+(?:les|la|une)\s+(?:\w+\s+){0,2}demandes?\b"
    r"|\b(?:auf|nach|infolge)\s+(?:\w+\s+){0,3}(?:Bitte|Wunsch|Anfrage|Ersuchen|Forderung\w*)\b"
    r"|\b(?:entsprech\w*|erfüll\w*|gedeckt|deck\w*)\b[^.;]{0,30}\b(?:Bedarf|Bitte|Wunsch|Anfrage)"
    r"|\b(?:Bedarf|Bitte|Wunsch|Anfrage)\w*\b[^.;]{0,30}\b(?:entsprech\w*|erfüll\w*|gedeckt)"
    r"|\b(?:in\s+respuesta|en\s+respuesta|atendiendo|a\s+petición|em\s+resposta|a\s+pedido"
    r"|in\s+risposta|su\s+richiesta|na\s+prośbę|w\s+odpowiedzi|na\s+žádost|op\s+verzoek"
    r"|naar\s+aanleiding)\b"
    # the given materiel described as what the recipient asked for ("materiel that Ukraine
    # has requested", "Material, das die Ukraine angefordert hat", "materiel som Ukraina
    # efterfrågat", "matériel demandé par l'Ukraine")
    r"|\b(?:materiel|material|equipment|weapons|items|capabilities|Material|Ausrüstung|Waffen"
    r"|matériel|équipements?|armes|materiell|utrustning|udstyr|utstyr|materieel)\s*,?\s+"
    r"(?:that|which|som|die|das|den|que|qui|dat)\s+(?:the\s+|die\s+|l['’])?"
    r"(?:Ukrain\w*|Kyiv|Kiev|Kiew|Ukraina)\s+(?:has\s+|had\s+|have\s+|a\s+|har\s+|hade\s+)?"
    r"(?:\w+\s+)?(?:requested|asked\s+for|sought|angefordert|erbeten|gewünscht|demandé\w*"
    r"|sollicité\w*|efterfrågat|efterfrågade|bett\s+om|bedt\s+om|anmodet\s+om|gevraagd)",
    _I,
)
#: what the recipient says it needs most, or is necessary (a word of need, read like
#: :data:`NEED_CUE`): "the number one priority is air defence", "remain a priority",
#: "stressed the necessity of", "la nécessité de fournir", "oberste Priorität"
NEED_MORE = re.compile(
    r"\b(?:(?:top|first|number\s+one|main|key|highest|absolute)\s+priorit(?:y|ies)"
    r"|priorit(?:y|ies)\s+(?:is|are|remains?|(?:also\s+)?include)|pas\s+assez\s+d|remains?\s+a\s+priority|priorités?\s+(?:absolues?"
    r"|principales?)|priorité\s+absolue|oberste\w*\s+Priorität|Priorität\s+hat|prioridad\w*"
    r"|necessity|necessary|nécessité|nécessaire\w*|Notwendigkeit|necesidad\w*|importance\s+of"
    # lacking (DE, ES, IT, PT, NL, PL, CS, UK, RU) and needing in the languages NEED_CUE lacks
    # (HU, LT, LV, ET, FI, EL, RO, TR, AR)
    r"|fehl(?:t|en|e|te|ten|ende[nmrs]?)|falta[mn]?|carec\w*|manca(?:no)?|mancanza|carenza"
    r"|escassez|tekort\w*|brak(?:uje|ował\w*)?|nedostat\w*|chyb(?:í|ějí)|бракує|не\s+вистача\w*"
    r"|не\s+хватает|нехватк\w*|дефіцит\w*|szükség\w*|hiány\w*|igény\w*|trūk(?:sta|o|ti)"
    r"|reik(?:ia|ės|ėtų|alingi?\w*)|vajadzīg\w*|nepieciešam\w*|trūkst|vaja(?:b|vad|dus)?"
    r"|tarvi(?:tsee|taan|tsemme|ttavat)|tarve|χρειάζ\w*|ανάγκ\w*|nevoi[ae]|ihtiya[cç]\w*"
    r"|تحتاج|يحتاج|بحاجة|احتياجات"
    r"\s+(?:supplying|providing|delivering|increasing)"
    # said of things, after a copula ("... is critically important", "sind überlebenswichtig")
    r"|(?:is|are|remains?|sind|ist|seien|sei|sont|est|restent|reste)\s+(?:\w+\s+)?[\"„“«]?\s*"
    r"(?:critically\s+important|crucial|essential|entscheidend|unverzichtbar|überlebenswichtig"
    r"|indispensables?|vital|vitale?s?|cruciale?s?|essentielle?s?))\b",
    _I,
)
#: a need said of things, not of the one who needs them: the items may stand before it
#: ("the Leclerc tanks requested by Kyiv", "Kampfpanzer seien nötig", "are badly needed")
NEED_PREDICATE = re.compile(
    r"\b(?:needed|required|requested|nötig|notwendig|erforderlich|benötigt|gefordert|gebeten"
    r"|nécessaires?|indispensables?|demandé(?:e|s|es)?|réclamé(?:e|s|es)?|souhaité(?:e|s|es)?"
    r"|necesari[oa]s?|necessári[oa]s?|necessari[oe]?|richiest[io]|solicitad[oa]s?)\b",
    _I,
)
#: the recipient will receive or get ("Ukraine will get more shells", "die Ukraine wird mehr
#: Munition erhalten", "l'Ukraine va recevoir davantage"): what is given, not a wish
WILL_RECEIVE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|wird|werden|soll|sollen|va|vont|recevra\w*|obtiendra\w*"
    r"|recibirá\w*|riceverà)\b[^.;]{0,60}\b(?:get|receive|bekommen|erhalten|recevoir|obtenir"
    r"|recibir|ricevere|recevra\w*|obtiendra\w*|recibirá\w*|riceverà)\b",
    _I,
)
#: a demonstrative before an item: things already named ("these shells", "ces munitions")
DEMONSTRATIVE_BEFORE = re.compile(
    r"\b(?:these|those|this|ces|cette|ce|cet|diese[nmrs]?|jene[nmrs]?|estas?|estos|esas?"
    r"|esos|questi|queste|quest[oa]|deze|tyto)\s+(?:\w+\s+)?$",
    _I,
)
#: an aside that opens with a preposition, up to an actor (", in a telephone call with his
#: American counterpart", ", bei einem Treffen mit", ", lors d'un entretien avec"): the actor in it
#: is not the subject of the verb after the aside
ASIDE_BEFORE = re.compile(
    r",\s*(?:in|during|at|after|on|following|bei|beim|im|nach|während|lors|dans|après|pendant"
    r"|en|durante|tras|dopo|durante)\s[^,;:.]{0,50}?\b(?:with|to|mit|avec|à|con|met|z|s)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    _I,
)
#: the end of what a request governs: another clause, a purpose, a reason, the speaker's tag
REQUEST_SCOPE_END = _functional(
    "request_scope_end",
    # (not the dot of an abbreviation: "asked the U.S. to provide")
    r";|\s[—–-]\s|(?<!\b(?-i:[A-Z]))[.!?](?=\s)|:\s(?=(?-i:[A-ZÀ-Þ]))"
    # the end of a quotation before its speaker's tag, in any language ('"... nodig", zei')
    r"|[\"”»“](?=\s*,)"
    r"|,\s*(?=(?:but|while|whereas|which|who|as(?!\s+well)|because|since|after|when|where|although"
    r"|aber|doch|während|weil|da|nachdem|wobei|" + _word_slot("but") + r"|tandis|alors|car|parce"
    r"|puisque|qui|où"
    r"|pero|mientras|porque|ma|perché|mentre|maar|omdat|said|says|told|sagte|so|a\s+déclaré"
    r"|a\s+dit|a-t-il|a-t-elle|según|selon|according)\b)"
    r"|\s(?=(?:but|aber|" + _word_slot("but") + r"|pero|while|whereas|während|tandis|because|weil"
    r"|car|porque)\s)"
    r"|\s(?=(?:to|um|pour|afin|para|per)\s+(?:protect|defend|repel|counter|shoot|fight|hold"
    r"|schützen|verteidigen|abzuwehren|protéger|défendre|repousser|contrer|proteger|defender"
    r"|proteggere|difendere)\b)",
    _I,
)
#: where a sentence splits into the chunks of its items: a comma, "and" and its kin, "including",
#: a dash, "with" before the weapon's ammunition (read by :mod:`.extract`)
CHUNK_SPLIT = _functional(
    "chunk_split",
    r",\s|;|:\s|\s(?:and|as\s+well\s+as|plus|along\s+with|together\s+with|including"
    r"|includes|include|such\s+as|which\s+includes?|alongside|while|und|sowie|darunter"
    r"|einschließlich|inklusive|et|ainsi\s+que|dont|notamment|y\s+compris|y|e|así\s+como"
    r"|junto\s+con|además\s+de|incluidos?|incluyendo|assim\s+como|bem\s+como|incluindo"
    r"|oltre\s+a|insieme\s+a|tra\s+cui|compresi|oraz|og|och|ja|ir|и|і|та|en|samt"
    # the text's language's own "and" where it is no "and" elsewhere (Polish and Czech "i",
    # "a": "20 czołgów i 50 dronów" are two items)
    r"|" + _word_slot("and") + r")\s|\s[—–]\s|\s-\s"
    # Arabic "and" is a prefix ("20 دبابة و12 مدفع")
    r"|\s(?=و\d)"
    # "three MARS launchers with ammunition": the weapon and its ammunition are two entries
    r"|\s(?:with|mit|avec|con|com|samt|nebst|accompagnée?s?\s+d[e']|accompanied\s+by)\s"
    r"(?=(?:(?:their|its|the|associated|ihre[rn]?|der|die"
    r"|dazugehörige[rn]?|zugehörige[rn]?|leurs?|des|de\s+la|la|les|sus|su|seus|suas|sua|la|le"
    r"|relative)\s+)?(?:ammunition|munitions?|Munition|obus|munición|municiones|munições"
    r"|munizioni)\b"
    # "a Patriot unit with a hundred missiles", "Gepard mit 120.000 Schuss Munition"
    r"|(?:(?!(?:for|für|pour|para|per|of|von|de)\s)[\w.,'’-]+\s+){1,3}(?:ammunition|munitions?"
    r"|Munition|Schuss|rounds|shells|missiles|Raketen|Lenkflugkörpern?|Flugkörpern?|obus"
    r"|roquettes|rockets|munición|municiones|munições|munizioni)\b)",
    _I,
)
#: where a sentence splits into clauses: ";", brackets, dashes, a comma before a relative
#: pronoun or a conjunction, "but" (read by :mod:`.extract` and the filter, :mod:`.modality`)
CLAUSE_SPLIT = _functional(
    "clause_split",
    r";|\(|\)|\s[—–-]\s|,\s*(?=(?:that\s+(?:will\s+|would\s+)?(?:raises?|brings?|takes?|increases?)"
    r"|which|bringing|taking|raising|doubling|increasing|thereby|making|while|whereas|but|although"
    r"|and\s+ha(?:s|ve)|having|after|who|where|when|as|if|unless|aber|doch|während|nachdem"
    r"|womit|wodurch|die|der|das|welche[rs]?|" + _word_slot("but") + r"|tandis|alors|qui|ce\s+qui"
    r"|après|portant"
    # the same in other languages: "which brings", "with which" ("con lo que", "elevando",
    # "waarmee", "vilket", "hvilket", "což"; not Russian "что", which is "that")
    r"|con\s+lo\s+que|lo\s+que|lo\s+cual|elevando|llevando|il\s+che|o\s+que|waarmee|waardoor"
    r"|vilket|varmed|hvilket|hvormed|což|čímž|co\s+(?:zwiększa|daje|oznacza|podnosi))\b)"
    r"|\s(?=(?:bringing|taking|raising)\s)|\s(?=(?:but|while|whereas|aber|"
    + _word_slot("but")
    + r"|tandis)\s)",
)
#: a word before a nation that makes it an object, not the subject ("asked the EU", "die EU
#: gebeten", "appelé la Suède", "from the United States")
OBJECT_BEFORE = re.compile(
    r"\b(?:the|die|den|dem|der|la|le|les|l['’]|à|au|aux|an|to|from|aus|von|vom|de|des|du|in|bei"
    r"|beim|with|mit|for|für|pour|on|auf|against|gegen|contre)\s*$",
    _I,
)
#: a preposition before a nation: the nation is where things go or come from, not who asks
#: ("the delivery of Taurus to Ukraine demanded", "im Ukraine-Krieg dringend benötigt")
PREPOSITION_BEFORE = re.compile(
    r"\b(?:an|to|into|from|aus|à|au|aux|for|für|pour|in|im|into|nach|with|mit|against|gegen"
    r"|contre|en|dans|para|per|naar|na|do|w|da|dal|dalla|dai|di|con|al|alla|ai|agli|del"
    r"|della|desde|von|vom|od|z|ze|til|fra|från|van|uit|met)\s+"
    r"(?:(?:the|die|der|den|dem|la|le|les|l['’]|il|lo|el|los|las|o|os|as)\s*)?$",
    _I,
)
#: a condition before a word of need: nothing is stated ("if Ukraine needs it", "si Ucrania lo
#: necesita", "falls die Ukraine ... braucht", Dutch "als", Italian and Portuguese "se")
CONDITION = _functional("condition", rf"\b{_word_slot('if')}\b")


#: a copula before a word of need: the items before it are what is needed ("Artillery and shells
#: are number one of Ukraine's needs")
COPULA = re.compile(
    r"\b(?:is|are|was|were|remain|remains|sind|ist|seien|sei|sont|est|restent|reste|son|es|sono"
    r"|è|zijn|is)\b",
    _I,
)
#: a copula that is the auxiliary of a progressive right before a word of need ("they are
#: running out of shells", "is still lacking"): what follows is needed, not what stands before
PROGRESSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:(?:still|now|already|also|\w+ly)\s+)?$", _I
)
#: a relative pronoun before the subject of a request: its object stands before it
RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:that|which|que|qu['’]|die|den|das|welche[nrs]?|che|que|dat|die)\s+(?:the\s+|la\s+"
    r"|le\s+|l['’]|die\s+|der\s+)?|\bqu['’])$",
    _I,
)
#: a pronoun or first person as the subject of a request ("he asked for", "wir brauchen",
#: "nous avons besoin", "bat er"): the speaker or the voice of the sentences before
SUBJECT_PRONOUN = re.compile(
    r"\b(?:(?P<first>we|wir|nous|(?-i:I)|ich|je|j['’]|our|unser\w*|notre|nos|nosotros|noi"
    r"|wij|мы|ми)|(?P<third>he|she|they|er|sie|il|elle|ils|elles|él|ella|lui|lei|hij|zij"
    r"|ona|він|вона|он|она|the\s+country|das\s+Land|le\s+pays|son\s+pays|sein\s+Land"
    r"|seines\s+Landes|his\s+country|her\s+country|the\s+president|der\s+Präsident"
    r"|le\s+président|the\s+minister|der\s+Minister|le\s+ministre))\b",
    _I,
)

#: a share of a sum, right before it ("1.9 per cent of the €500 billion", "25 Prozent der 2
#: Milliarden Euro", "10 % des 300 millions d'euros", "a third of the $600 million"): the sum is
#: the whole, not what the donor gives
SHARE_OF_BEFORE = re.compile(
    r"(?:\d\s?(?:%|per\s?cent|percent|prozent\w*|pour\s?cent|por\s?ciento|per\s?cento"
    r"|por\s?cento|procent\w*|prosent\w*)"
    r"|\b(?:a|one|two)\s+(?:third|quarter|fifth|tenth)s?|\b(?:ein|zwei)\s+(?:Drittel|Viertel))"
    r"\s+(?:of|der|des|von|de|du|de\s+la|del|della|dello|dei|degli|delle|dos|das|da|do"
    r"|van|z|av|af)\s+(?:the\s+|de\s+los\s+|de\s+las\s+|le\s+|les\s+|la\s+|l['’]\s*)?"
    r"(?:total\s+(?:of\s+)?|overall\s+|whole\s+|insgesamt\s+)?$",
    re.IGNORECASE,
)

#: a sum told as a past total by the words right before it (not a modality feature): a giving
#: verb in the perfect or future perfect followed within the clause by "more than", "some",
#: "nearly" ... ("Estonia has provided Ukraine with military aid in the value of over €400
#: million", "la Grande-Bretagne a donné quelque quatre milliards", "la Suède aura fourni des
#: équipements d'une valeur d'environ", "Danmark oppe på at have støttet Ukraine med over"),
#: or a total that "stands at" ("total support ... stands at approximately $910 million");
#: matched against the text from the sentence's start up to the sum
MONEY_TOTAL_BEFORE = re.compile(
    r"(?:\b(?:has|have)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:provided|given|delivered|supplied"
    r"|sent|committed|donated|pledged|spent|allocated|contributed|generated|invested|enabled"
    r"|transferred|received|channell?ed)\b"
    r"|\b(?:a|ont|aura|auront|avait|avaient)\s+(?:déjà\s+|ainsi\s+)?(?:donné|fourni|livré|envoyé"
    r"|versé|alloué|consacré|contribué|reçu|dépensé|investi|apporté|transféré)\b"
    r"|\b(?:hat|haben|hatte|hatten)\s+(?:bereits\s+|bisher\s+|schon\s+)?(?:\S+\s+){0,3}?"
    r"(?:geliefert|gespendet|geleistet|übergeben|gegeben|überwiesen|bereitgestellt)\b"
    r"|\b(?:ha|han|había|habían)\s+(?:ya\s+)?(?:invertido|entregado|donado|enviado|aportado"
    r"|gastado|destinado|proporcionado|suministrado)\b"
    r"|\b(?:har|hade)\s+(?:allerede\s+|redan\s+|hittil\s+)?(?:givit|gett|gitt|givet|sendt|skickat"
    r"|donert|doneret|donerat|bidraget|bidratt|bidragit|støttet|stöttat|leveret|levert|levererat)\b"
    r"|\b(?:heeft|hebben)\s+(?:al\s+)?(?:\w+\s+)?(?:gegeven|geleverd|gedoneerd|bijgedragen"
    r"|gestuurd)\b|\boppe\s+på\s+at\s+have\b)"
    r"[^.;:!?]{0,120}?\b(?:more\s+than|over|some|about|almost|nearly|around|approximately"
    r"|roughly|a\s+total\s+of|in\s+excess\s+of|plus\s+de|près\s+de|quelque|environ|au\s+total"
    r"|über|mehr\s+als|rund|etwa|knapp|insgesamt|más\s+de|cerca\s+de|alrededor\s+de|mere\s+end"
    r"|mer\s+än|meer\s+dan|ruim|bijna|næsten|nästan|omkring|cirka|samlet|totalt)\s*$"
    r"|\btotal\w*\s+(?:(?!package|paquet|Paket|pakke|paket)[\w'’-]+\s+){0,5}?(?:stands?|stood"
    r"|amounts?|amounted|is|was|reached|comes)\s+(?:at\s+|to\s+)?(?:approximately|about|around"
    r"|some|nearly|over|more\s+than|almost)?\s*$"
    r"|\bs['’]élevai(?:t|ent)\s+(?:à\s+)?(?:plus\s+de\s+|près\s+de\s+|environ\s+)?$"
    r"|\b(?:er|var)\s+(?:nu\s+)?oppe\s+på\s+$|\bløber\s+op\s+i\s+$",
    _I,
)
#: the sum of a pool or budget that pays for the items ("financés dans le cadre du fonds de
#: soutien de 200 millions d'euros", "funded from the envelope of $500 million", "prélevée sur
#: les 500 millions $"): the pool's size, not the items' value (with :data:`FINANCED` in the
#: sentence); matched against the text up to the sum ...
POOL_SUM_BEFORE = re.compile(
    r"\b(?:fonds|fund|enveloppe|envelope|budget|Haushalt\w*|Topf|pool)\s+(?:[\w-]+\s+){0,3}"
    r"(?:de|of|von|d['’]|worth)\s*$|\b(?:prélev\w*|drawn|taken|paid|financ\w*|funded|bezahlt)"
    r"\s+(?:sur|from|out\s+of|with|avec|par|by|aus)\s+(?:les?|la|l['’]|the|its|son|sa|their|leur"
    r"|dem|der)\s*$",
    _I,
)
#: ... and after it ("500 millions $ d'aide militaire que le Canada a prévus au budget", "the
#: $500 million announced in the latest federal budget")
POOL_SUM_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:prévus?\s+au\s+budget|(?:annoncée?s?\s+)?dans\s+le\s+(?:dernier\s+)?"
    r"budget|(?:announced\s+)?in\s+(?:the|its)\s+(?:\w+\s+){0,2}budget|im\s+(?:\w+\s+)?Haushalt)",
    _I,
)
#: a pool's name right after a sum: the sum is the pool's size ("the €5bn Ukraine Assistance
#: Fund", "a €1 billion fund", "den 5-Milliarden-Fonds", "un fonds de 100 millions" is
#: :data:`POOL_SUM_BEFORE`'s)
FUND_NAMED_AFTER = re.compile(
    r"[\s-]+(?:[A-Z][\w-]*\s+){0,4}(?:Fund|Facility|fund|facility|Fonds|Fazilität)\b"
)
FINANCED = re.compile(
    r"\b(?:financ\w*|funded|paid\s+for|prélev\w*|finanziert|bezahlt|drawn\s+from)\b", _I
)
#: a sum per year right after it ("£3 billion a year until 2030", "3 Mrd. Euro jährlich"): a
#: budget line, not a pledge's value
ANNUAL_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+year\b|annually\b|yearly\b|par\s+an\b|chaque\s+année\b"
    r"|pro\s+Jahr\b|jährlich\b|jedes\s+Jahr\b|al\s+año\b|por\s+año\b|all['’]anno\b|rocznie\b"
    r"|per\s+år\b|om\s+året\b|årlig\w*|vuosittain\b|на\s+рік\b|в\s+год\b)",
    _I,
)
#: German puts the participle after the sum: "hat der Ukraine Waffen im Wert von über 300
#: Millionen Euro geliefert" (the text up to the sum, and the text after it)
MONEY_TOTAL_DE_BEFORE = re.compile(
    r"\b(?:hat|haben|hatte|hatten)\b[^.;:!?]{0,120}?\b(?:über|mehr\s+als|rund|etwa|knapp"
    r"|insgesamt|fast|nahezu)\s*$",
    _I,
)
PARTICIPLE_AFTER = re.compile(
    r"[^.;:!?]{0,60}?\b(?:geliefert|gespendet|geleistet|übergeben|gegeben|überwiesen"
    r"|bereitgestellt|zur\s+Verfügung\s+gestellt)\b",
    _I,
)
#: a sum "already spent" ("on top of $40 million already spent on the initiative", "aux 126
#: millions déjà versés", "126 milhões de euros já disponibilizados"): matched right after it
MONEY_ALREADY_AFTER = re.compile(
    r"\s*(?:[\w']+\s+){0,2}?(?:already|bereits|schon|déjà|ya|já|già|allerede|redan|al)\s+"
    r"(?:been\s+)?(?:spent|provided|given|delivered|allocated|sent|committed|disbursed|paid"
    r"|ausgegeben|geliefert|gezahlt|bereitgestellt|dépensés?|versés?|fournis?|livrés?|alloués?"
    r"|engagés?|gastados?|entregados?|disponibilizad\w*|gast[oa]s?|entregues?|spes[io]|stanziat\w*"
    r"|brugt|givet|använt|givit|besteed|uitgegeven)\b",
    _I,
)
#: a superlative next to a "so far" of another language ("den hidtil største donationspakke",
#: "största hittills", "największy dotychczas"): the new package's rank, not a past total
SUPERLATIVE_OTHER = re.compile(
    r"\b(?:størst\w*|störst\w*|stærst\w*|największ\w*|più\s+grand\w*|mayor\w*|maior\w*"
    r"|největší\w*|najväčš\w*|suurin\w*|suurim\w*|didžiausi\w*|lielāk\w*|найбільш\w*"
    r"|крупнейш\w*|найголовніш\w*|μεγαλύτερ\w*|büyük|legnagyobb\w*|grootste|najveć\w*|cel\s+mai\s+mare)\b",
    _I,
)


@dataclass(frozen=True)
class LanguageCues:
    """The cues that take the other languages' words (:func:`_lexical`), compiled for the
    languages of one text: a text in English, German or French reads them without those words
    (they are for the other families, and some 400 fewer words keep reading fast), a text in
    a family's language with that family's only (one family's short words do not act on
    another's texts), a text of unknown language with every family's. And the patterns that
    read function words (:func:`_functional`), with the text's language's own: Dutch "en" is
    "and" and no place, Polish "i" joins two donors, Norwegian "sender" is no broadcaster."""

    need: re.Pattern[str]
    pledge: re.Pattern[str]
    not_given: re.Pattern[str]
    cumulative: re.Pattern[str]
    receive: re.Pattern[str]
    arms: re.Pattern[str]
    commits: re.Pattern[str]
    continues: re.Pattern[str]
    contents: re.Pattern[str]
    arrived: re.Pattern[str]
    condition: re.Pattern[str]
    ready: re.Pattern[str]
    request: re.Pattern[str]
    past: re.Pattern[str]
    future: re.Pattern[str]
    place: re.Pattern[str]
    firm_after: re.Pattern[str]
    donor_join: re.Pattern[str]
    request_scope_end: re.Pattern[str]
    clause_split: re.Pattern[str]
    chunk_split: re.Pattern[str]


@cache
def for_language(lang: str | None) -> LanguageCues:
    """The cues of a text in ``lang`` (a code of :data:`.numbers.LANGS`; None: not known)."""
    return LanguageCues(**{name: _compile(name, lang) for name in _TEMPLATES})

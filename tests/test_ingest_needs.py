"""The recipient's statements of need: who speaks (quotations and attributions), who asks, and
which items a request governs."""

from __future__ import annotations

import re

import pytest

from materiel.ingest import cues
from materiel.ingest.extract import Extractor
from materiel.ingest.speaker import Speakers, find_quotes, side_of


@pytest.fixture(scope="module")
def reader() -> Extractor:
    return Extractor(modality=False)


def _needs(reader: Extractor, text: str) -> list[str]:
    return sorted(d.fields["category"] for d in reader.read(text).drafts if d.kind == "need")


def _pledges(reader: Extractor, text: str) -> list[tuple[str, str]]:
    return sorted(
        (d.fields["donor"], d.fields["category"])
        for d in reader.read(text).drafts
        if d.kind == "pledge"
    )


# -- speaker.py -------------------------------------------------------------------------
def test_quotes_of_several_kinds() -> None:
    text = 'He said "we need tanks", then «des obus» and „Munition“ and ‘jets’ in Ukraine’s name.'
    spans = [text[a:b] for a, b in find_quotes(text)]
    assert spans == ["we need tanks", "des obus", "Munition", "jets"]


def test_quote_attribution_after_and_before() -> None:
    text = (
        '"We need tanks and jets," said Zelensky. '
        "“Ukraine needs air defence,” Norwegian Minister of Defence Tore Sandvik said. "
        "Kuleba told reporters: „Wir brauchen Panzer.“"
    )
    sides = [q.side for q in Speakers(text).quotes]
    assert sides == ["recipient", "other", "recipient"]


def test_pronoun_attribution() -> None:
    text = "« Il nous faut des obus », a-t-il déclaré."
    assert [q.side for q in Speakers(text).quotes] == ["pronoun"]


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("said Ukraine's defence minister Rustem Umerov", "recipient"),
        ("der ukrainische Botschafter", "recipient"),
        ("le ministre ukrainien des Affaires étrangères", "recipient"),
        ("NATO Secretary General Jens Stoltenberg", "other"),
        ("die estnische Regierungschefin Kaja Kallas", "other"),
        ("President Volodymyr Zelensky", "recipient"),
        ("analysts at the think tank", "other"),
        ("the weather", None),
    ],
)
def test_side_of(phrase: str, side: str | None) -> None:
    assert side_of(phrase) == side


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Ukraine needs shells, Pistorius told reporters.", "other"),
        ("Laut Selenskyj braucht die Ukraine Panzer.", "recipient"),
        ("President Zelensky said Ukraine needs at least 25 Patriot systems.", "recipient"),
        ("Patriot-Systeme jetzt erforderlich - Selenskyj", "recipient"),
        ("Ukraine needs more support.", None),
    ],
)
def test_sentence_side(sentence: str, side: str | None) -> None:
    assert Speakers(sentence).sentence_side(0, len(sentence)) == side


# -- cues.REQUEST ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kyiv asked Germany for Taurus",
        "Zelensky urged allies to send jets",
        "Selenskyj bat um Flugabwehr",
        "die Ukraine fordert Kampfpanzer",
        "l'Ukraine réclame des obus",
        "Zelensky ha chiesto sistemi",
    ],
)
def test_request_words(text: str) -> None:
    assert cues.REQUEST.search(text)


def test_request_met() -> None:
    assert cues.REQUEST_MET.search("in response to Ukraine's request")
    assert cues.REQUEST_MET.search("répondant aux demandes pressantes de Kiev")
    assert cues.REQUEST_MET.search("auf Bitte der Ukraine")
    assert not cues.REQUEST_MET.search("Ukraine requested tanks")


# -- the need rules ----------------------------------------------------------------------
def test_recipient_speaker_makes_a_need(reader: Extractor) -> None:
    text = "President Volodymyr Zelensky said Ukraine needs at least 25 Patriot systems."
    assert _needs(reader, text) == ["air-defence-system"]


def test_donor_saying_ukraine_needs_is_no_need(reader: Extractor) -> None:
    text = "“Ukraine needs more artillery shells,” Norwegian Defence Minister Bjørn Gram said."
    assert _needs(reader, text) == []


def test_narrator_saying_ukraine_needs_is_no_need(reader: Extractor) -> None:
    text = "NATO analysts say Ukraine faces a critical shortage of artillery shells."
    assert _needs(reader, text) == []


def test_request_reported_by_anyone_is_a_need(reader: Extractor) -> None:
    text = "Ukraine has requested tanks and fighter jets from its partners."
    assert _needs(reader, text) == ["aircraft", "main-battle-tank"]


def test_recipient_request_is_no_pledge(reader: Extractor) -> None:
    text = "Kyiv asked Germany for Taurus cruise missiles and more Leopard tanks."
    assert _pledges(reader, text) == []
    assert "main-battle-tank" in _needs(reader, text)


@pytest.mark.parametrize(
    "text",
    [
        # the dot of "U.S." ends neither the giver asked nor what the request governs
        "Zelensky asked the U.S. to provide ATACMS.",
        "Zelensky has pushed for the U.S. to provide ATACMS.",
        # persuading and pressing a giver is asking it
        "Ukraine is still trying to persuade the United States to supply ATACMS.",
        "Kiev tente de convaincre Washington de livrer des ATACMS.",
        "L'Ukraine presse les États-Unis de livrer des ATACMS.",
    ],
)
def test_request_that_a_giver_give_is_a_need_not_its_pledge(reader: Extractor, text: str) -> None:
    assert _needs(reader, text) == ["rocket-artillery-ammunition"]
    assert _pledges(reader, text) == []


def test_met_request_is_a_pledge_not_a_need(reader: Extractor) -> None:
    text = "In response to Ukraine's request, Lithuania will send 10 M577 armoured carriers."
    assert _needs(reader, text) == []
    assert _pledges(reader, text) == [("LTU", "armoured-vehicle")]


def test_item_outside_the_request_is_no_need(reader: Extractor) -> None:
    # the tanks are the donor's past gift; only the jets are asked for
    text = (
        "Although Germany has sent Leopard tanks, Zelensky asked for fighter jets, because "
        "Russian drones attack every night."
    )
    assert _needs(reader, text) == ["aircraft"]


def test_voice_goes_on_into_the_quote(reader: Extractor) -> None:
    text = (
        "Makeiev forderte weitere Lieferungen. "
        '"Wir brauchen Kampfpanzer und Flugabwehrsysteme, um uns zu schützen."'
    )
    assert _needs(reader, text) == ["air-defence-system", "main-battle-tank"]


def test_relative_clause_request(reader: Extractor) -> None:
    text = "Paris refuses the Leclerc tanks that Kyiv has requested."
    assert _needs(reader, text) == ["main-battle-tank"]


def test_german_verb_final_request(reader: Extractor) -> None:
    text = "Seibel sagte, zuvor habe Kiew 50 weitere Kampfpanzer beantragt."
    assert _needs(reader, text) == ["main-battle-tank"]


def test_the_name_nearest_the_speech_verb_speaks() -> None:
    text = (
        "At a press conference with President Volodymyr Zelensky, Rutte emphasized that the "
        "Ukrainian Armed Forces need more air defense missiles."
    )
    assert Speakers(text).sentence_side(0, len(text)) == "other"


def test_a_need_said_of_things_after_a_copula(reader: Extractor) -> None:
    text = "“Air defense systems are indispensable for protecting our people,” said Kuleba."
    assert _needs(reader, text) == ["air-defence-system"]


def test_an_adjective_of_importance_is_no_need(reader: Extractor) -> None:
    text = "Zelensky praised the initiative and its role in procuring crucial Patriot systems."
    assert _needs(reader, text) == []


def test_asking_donors_to_keep_a_promise_is_no_new_need(reader: Extractor) -> None:
    text = "Umerov urged EU allies to fulfil their promise to deliver a million artillery shells."
    assert _needs(reader, text) == []


def test_asking_for_more_governs_nothing_before_it(reader: Extractor) -> None:
    text = (
        "The missiles are launched from aircraft and the ministry said Ukrainian operators "
        "have asked for more."
    )
    assert "aircraft" not in _needs(reader, text)


# -- round 3: voices, lacking words, lists after a need --------------------------------------
def test_german_guillemets_open_a_quotation() -> None:
    text = "Er sagte: »Wir brauchen Panzer«, und Paris sagte « oui » dazu."
    assert [text[a:b] for a, b in find_quotes(text)] == ["Wir brauchen Panzer", " oui "]


def test_french_closing_guillemet_opens_nothing() -> None:
    text = "Il a parlé de «chars». Puis »Munition« fut dit."
    assert [text[a:b] for a, b in find_quotes(text)] == ["chars", "Munition"]


@pytest.mark.parametrize(
    "sentence",
    [
        "He added that at the last meeting of NATO ministers he asked for three things.",
        "The minister said Canada and NATO would help.",
    ],
)
def test_pronoun_before_speech_verb_is_the_speaker(sentence: str) -> None:
    assert Speakers(sentence).sentence_side(0, len(sentence)) == "pronoun"


def test_lone_title_after_a_quotation_continues_the_voice() -> None:
    text = "»Wir brauchen sehr viel«, betonte der Staatschef."
    assert [q.side for q in Speakers(text).quotes] == ["pronoun"]


def test_first_person_need_after_a_title_speaker(reader: Extractor) -> None:
    text = (
        "Ukraine's foreign minister Dmytro Kuleba spoke to reporters in Brussels. "
        "He added that the last time he met NATO ministers he had asked for help. "
        '"This time I say that we need tanks," the minister said.'
    )
    assert _needs(reader, text) == ["main-battle-tank"]


@pytest.mark.parametrize(
    "text",
    [
        "Präsident Selenskyj sprach in Kiew. Es fehlen Flugabwehrsysteme, sagte Selenskyj.",
        "El presidente Zelenski habló en Kiev. Faltan sistemas de defensa aérea, dijo Zelenski.",
        "Zelensky spoke in Kyiv. Ukrainie brakuje Patriot, powiedział Zelensky.",
    ],
)
def test_lacking_words_in_several_languages(reader: Extractor, text: str) -> None:
    assert "air-defence-system" in _needs(reader, text)


def test_lacking_said_by_a_donor_is_no_need(reader: Extractor) -> None:
    text = "Den Streitkräften fehlen Flugabwehrsysteme, sagte Pistorius."
    assert _needs(reader, text) == []


def test_pushing_allies_to_provide(reader: Extractor) -> None:
    text = "Ukraine is pushing its allies to provide more tanks and jets."
    assert _needs(reader, text) == ["aircraft", "main-battle-tank"]


def test_list_after_a_need_that_named_no_item(reader: Extractor) -> None:
    text = (
        "Der ukrainische Botschafter sagte, die Ukraine benötige alles, was schnell lieferbar "
        'sei. "Panzer, Artillerie und Munition."'
    )
    assert _needs(reader, text) == ["artillery-ammunition", "artillery-system", "main-battle-tank"]


def test_no_list_after_a_need_when_a_donor_gives(reader: Extractor) -> None:
    text = (
        "Der ukrainische Botschafter sagte, die Ukraine benötige alles, was schnell lieferbar "
        "sei. Deutschland liefert Panzer."
    )
    assert "main-battle-tank" not in _needs(reader, text)


def test_reported_mood_carries_the_voice(reader: Extractor) -> None:
    text = (
        "Der ukrainische Botschafter Melnyk sprach in Berlin. "
        "Die Lage im Osten sei schwierig. "
        "Es sei überlebenswichtig für die Ukraine, dass mehr geliefert werde. "
        "Nötig seien auch Kampfpanzer."
    )
    assert _needs(reader, text) == ["main-battle-tank"]


def test_official_in_an_aside_is_not_the_subject(reader: Extractor) -> None:
    text = (
        "Defence Minister Rustem Umerov, in a call with his Dutch counterpart Ruben Brekelmans, "
        "pointed out the need for more air defence systems for Ukraine."
    )
    assert _needs(reader, text) == ["air-defence-system"]


def test_title_and_name_after_an_object_are_not_the_speaker() -> None:
    phrase = "Umerov talked to US Secretary of Defense Lloyd Austin and "
    assert side_of(phrase, last=True) == "recipient"


def test_a_donor_official_named_with_nach_angaben_speaks(reader: Extractor) -> None:
    text = (
        "Gegen die russischen Angriffe benötigt die Ukraine nach Angaben von "
        "Verteidigungsminister Boris Pistorius fünf Patriot-Systeme."
    )
    assert _needs(reader, text) == []


def test_french_spelling_of_a_recipient_official() -> None:
    text = "« Il faut davantage de systèmes antiaériens », a déclaré Dmytro Kouleba."
    assert [q.side for q in Speakers(text).quotes] == ["recipient"]


def test_will_receive_is_no_wish(reader: Extractor) -> None:
    assert _needs(reader, "Die Ukraine wird mehr Munition erhalten.") == []


def test_items_under_a_demonstrative_answer_a_request(reader: Extractor) -> None:
    text = (
        "Selon la ministre, ces munitions sont exactement ce qu'a demandé le gouvernement "
        "ukrainien."
    )
    assert _needs(reader, text) == []


def test_passive_pledge_meets_the_request(reader: Extractor) -> None:
    text = (
        "Ils s'ajoutent aux missiles Storm Shadow promis par Londres, un armement que l'Ukraine "
        "réclamait depuis des mois."
    )
    assert _needs(reader, text) == []


def test_spokesmen_and_shoulder_launched_missiles(reader: Extractor) -> None:
    """An Air Force spokesman speaks for the recipient; shoulder-launched missiles are air
    defence systems (MANPADS), named by what they are."""
    assert _needs(
        reader, "Ihnat: Ukraine can't put air defense along entire border, so we need F-16s"
    ) == ["aircraft"]
    assert "air-defence-system" in _needs(
        reader,
        "Ukraine needs more aircraft, helicopters and shoulder-launched missiles for a "
        "successful counter-offensive, Kuleba has said.",
    )


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # asking a nation to supply, without "for"
        ("Ukraine has asked the Netherlands to supply it with F-16 fighter jets.", ["aircraft"]),
        # pleas, and calls by the recipient named after "by"
        ("Zelensky has repeatedly issued pleas for tanks.", ["main-battle-tank"]),
        # French first person plural of "demander"
        (
            "« Nous demandons actuellement des chars Leopard », a déclaré Dmytro Kouleba.",
            ["main-battle-tank"],
        ),
        # priorities that include items
        (
            "Umerov said Ukraine's priorities also include artillery ammunition.",
            ["artillery-ammunition"],
        ),
        # German wishing, with the recipient as subject
        ("Die Ukraine wünscht sich Kampfjets vom Typ F-16.", ["aircraft"]),
        # lobbying, approaching and pushing a giver (b9, b47: the lobbied giver had been read
        # as giving)
        (
            "Ukraine has been lobbying Australia to provide Hawkei tactical vehicles.",
            ["armoured-vehicle"],
        ),
        ("Ukraine has approached Finland for fighter jets.", ["aircraft"]),
        ("Ukraine is pushing its allies for more artillery shells.", ["artillery-ammunition"]),
        # French pressing with a pronoun before the verb of giving (b44), insisting on
        # obtaining; German courting ("wirbt um")
        ("Zelensky a pressé ses alliés de lui livrer des avions de combat.", ["aircraft"]),
        ("Zelensky insiste pour obtenir des systèmes Patriot.", ["air-defence-system"]),
        ("Kiew wirbt um Kampfjets.", ["aircraft"]),
    ],
)
def test_more_forms_of_asking(reader: Extractor, text: str, needs: list[str]) -> None:
    assert _needs(reader, text) == needs


def test_a_donor_asked_to_supply_is_no_need(reader: Extractor) -> None:
    """Asking in another nation's name is not the recipient's need."""
    text = "Poland has asked Germany to supply spare parts for its own Leopard tanks."
    assert _needs(reader, text) == []


def test_nations_after_an_italian_or_spanish_preposition_are_not_who_asks(
    reader: Extractor,
) -> None:
    text = (
        "Il ministro della Difesa ucraino Rustem Umerov durante gli incontri con colleghi"
        " provenienti da Italia e Norvegia ha chiesto di fornire al paese sistemi di difesa aerea."
    )
    assert _needs(reader, text) == ["air-defence-system"]
    assert _pledges(reader, text) == []


def test_a_surname_introduced_with_a_recipient_title_speaks_for_the_recipient(
    reader: Extractor,
) -> None:
    from materiel.ingest.speaker import learn_recipient_names

    text = (
        "Ukrainian ambassador to Spain, Serhii Pohoreltsev, thanked the Spanish government. "
        "Specifically, Pohoreltsev had requested 155mm howitzers."
    )
    names = learn_recipient_names(text)
    assert names is not None and names.pattern.count("Pohoreltsev") == 1
    assert _needs(reader, text) == ["artillery-system"]
    # another nation's title across a line break teaches no name
    assert (
        learn_recipient_names("Brazil refuses to help Ukraine\n\nBrazilian President Lula") is None
    )


def test_more_speech_verbs_carry_the_voice(reader: Extractor) -> None:
    text = (
        "The aid is insufficient, Ukraine's ambassador Serhii Pohoreltsev pointed. "
        "He had requested the delivery of Leopard tanks."
    )
    assert _needs(reader, text) == ["main-battle-tank"]


def test_a_recipient_official_who_addresses_then_he_asks() -> None:
    """French "s'est adressé" is the official speaking: "Il" in the next sentence is his voice."""
    reader = Extractor(modality=False)
    text = (
        "Le président ukrainien Volodymyr Zelensky s'est adressé au Parlement. Il a renouvelé "
        "notamment ses demandes d’avions de chasse et de chars."
    )
    got = {d.fields["category"] for d in reader.read(text).drafts if d.kind == "need"}
    assert {"aircraft", "main-battle-tank"} <= got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the passive of requiring, running out, lacking (session 19)
        (
            "Shmyhal said that additional air defense systems are urgently required.",
            "air-defence-system",
        ),
        ("Zelensky said Ukraine may soon run out of air defence missiles.", "air-defence-missile"),
        ("Selenskyj sagte: Uns fehlen schwere Kampfpanzer.", "main-battle-tank"),
        (
            "Kułeba: należy dostarczyć więcej systemów obrony powietrznej.",
            "air-defence-system",
        ),
    ],
)
def test_a_need_told_as_requirement_shortage_or_lack(
    reader: Extractor, text: str, category: str
) -> None:
    assert category in _needs(reader, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pokud Ukrajina potřebuje další tanky, rozhodne vláda později.",
        "Jeśli Ukraina potrzebuje więcej czołgów, rząd zdecyduje później.",
        "Якщо Україні потрібні танки, уряд вирішить пізніше.",
        "Dacă Ucraina are nevoie de tancuri, guvernul va decide mai târziu.",
        "Hvis Ukraina trenger flere stridsvogner, vil regjeringen bestemme senere.",
    ],
)
def test_a_condition_in_other_languages_states_no_need(text: str) -> None:
    """Each language's own "if" (Czech "pokud", Polish "jeśli", Ukrainian "якщо", Romanian
    "dacă", Norwegian "hvis"): "if Ukraine needs more tanks" states no need."""
    assert _needs(Extractor(), text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ukrajina si vyžádala od spojenců další protiletadlové systémy Patriot.",
        "Ukrajina si od spojencov vyžiadala ďalšie systémy protivzdušnej obrany Patriot.",
        "Ukrajina si je zatražila dodatne sustave protuzračne obrane Patriot.",
    ],
)
def test_a_reflexive_si_is_no_condition(text: str) -> None:
    """Czech, Slovak and Croatian "si" is a reflexive pronoun, not French or Spanish "if": the
    request stands."""
    assert _needs(Extractor(), text) == ["air-defence-system"]


def test_if_is_the_texts_own_word_of_condition() -> None:
    """ "se" is "if" in Italian and Portuguese, "als" in Dutch; elsewhere they are a reflexive
    and "as", and state no condition (a function word of kind "if" of the lexicon, read by the
    text's language's cues)."""
    from materiel.ingest import cues

    def condition(lang: str | None) -> re.Pattern[str]:
        return cues.for_language(lang).condition

    assert condition("it").search("se l'Ucraina ne ha bisogno")
    assert condition("pt").search("se a Ucrânia precisar")
    assert condition("nl").search("als Oekraïne dat vraagt")
    assert condition("nl").search("indien Oekraïne dat vraagt")
    assert condition("fr").search("Kiev se plaint") is None
    assert condition("de").search("als Teil des Pakets") is None
    assert condition(None).search("se plaint") is None
    assert condition("de").search("wenn die Ukraine es braucht")
    assert condition("es").search("si Ucrania lo necesita")
    assert cues.CONDITION.search("whether Ukraine needs it")


# -- session 28 ---------------------------------------------------------------------------
_KULEBA_VISIT = (
    "Dmytro Kuleba visited Berlin on Monday. The visit lasted two days. "
    "Talks were held at the chancellery. "
)


def test_a_need_with_no_voice_is_the_recipients_when_only_its_officials_are_named(
    reader: Extractor,
) -> None:
    """A word of need whose subject, speaker and recent voice are all unknown is the
    recipient's when the text names the recipient's officials and no one else's (b33, b61:
    "Potrzebujemy więcej systemów przeciwlotniczych" in a text of Makeiev's words)."""
    need = "More air defence systems are required to protect the cities."
    assert _needs(reader, _KULEBA_VISIT + need) == ["air-defence-system"]
    # not when another state's official is named in the text, nor when a donor is named in
    # the sentence
    other = _KULEBA_VISIT.replace("Talks were held", "Olaf Scholz held talks")
    assert _needs(reader, other + need) == []
    donor = "More air defence systems are required, and Germany will send them."
    assert _needs(reader, _KULEBA_VISIT + donor) == []


def test_a_progressive_before_a_word_of_need_is_no_copula(reader: Extractor) -> None:
    """ "they are running out of X": X is needed, not what stands before "are" (b33: the US
    aid package before it had been read as the donor answering the need)."""
    text = (
        "With Republicans blocking a US military aid package, Ukraine’s armed forces say they "
        "are running out of air defence missiles and artillery shells."
    )
    assert _needs(reader, text) == ["air-defence-missile", "artillery-ammunition"]


def test_a_general_call_for_arms_is_kept_beside_named_needs(reader: Extractor) -> None:
    """Labellers keep the recipient's call for "more weapons" beside the items it names in
    another sentence (85 of the 167 unspecified needs of the tuning set stand beside named
    ones); the reader used to drop it."""
    text = "Kuleba asked for more weapons. He also asked Germany for Patriot air defence systems."
    assert _needs(reader, text) == ["air-defence-system", "unspecified"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ukraine is ready to buy at least 10 Patriot air defense systems, Zelensky said.",
            ["air-defence-system"],
        ),
        (
            "Ukraine has expressed interest in Japan's anti-drone radars, Kuleba said.",
            ["other-military"],
        ),
        (
            "Kiev esperaba recibir de Corea del Sur el sistema de defensa aérea Cheongung.",
            ["air-defence-system"],
        ),
        (
            "« La quantité insuffisante de munitions d'artillerie a été un problème », a dit "
            "Dmytro Kouleba.",
            ["artillery-ammunition"],
        ),
        (
            "„Niewystarczająca ilość amunicji artyleryjskiej była problemem” - powiedział Kułeba.",
            ["artillery-ammunition"],
        ),
    ],
)
def test_wanting_to_obtain_and_having_too_little_are_needs(
    reader: Extractor, text: str, want: list[str]
) -> None:
    """The recipient ready to buy, interested in, hoping to receive, or short of an item
    states a need (b64, b72, b85, b14, b36)."""
    assert _needs(reader, text) == want


def test_a_donor_not_having_enough_is_no_need(reader: Extractor) -> None:
    text = "Germany does not have enough Patriot systems to send more, Pistorius said."
    assert _needs(reader, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Wegen der Angriffe hat die Ukraine ihre Verbündeten erneut zur Lieferung weiterer "
        "Patriot-Flugabwehrsysteme aufgefordert.",
        "Resnikow hatte die Europäische Union zuvor zur Lieferung von Patriot-Systemen "
        "aufgefordert.",
    ],
)
def test_a_verb_final_request_for_a_delivery_is_a_need(reader: Extractor, text: str) -> None:
    """German puts the verb of asking last: "hat die Ukraine ihre Verbündeten zur Lieferung
    von ... aufgefordert" asks for a delivery; it is no request met by a giver (b19, b86: the
    word of delivery before the request was read as "Germany will send the tanks Kyiv asked
    for", where the one who asks stands between the giving and the asking)."""
    assert _needs(reader, text) == ["air-defence-system"]


def test_a_request_met_in_a_relative_clause_stays_met(reader: Extractor) -> None:
    text = "Deutschland liefert die Panzerhaubitzen, um die die Ukraine gebeten hatte."
    assert _needs(reader, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "„Mums vis dar skubiai trūksta oro gynybos sistemų“, – teigė generolas Oleksandras "
        "Syrskis.",
        "„Meil on hädasti vaja õhutõrjesüsteeme,“ ütles Žovkva.",
    ],
)
def test_a_recipient_officials_name_in_its_local_spelling_and_case(
    reader: Extractor, text: str
) -> None:
    """Names decline and are spelt anew in the Slavic and Baltic languages ("Syrskis",
    "Žovkva", "Kulebos"): the official is still the recipient's voice (b17, b62)."""
    assert _needs(reader, text) == ["air-defence-system"]


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky urged the allies to supply more air defences, claiming that Russia had "
        "launched 130 missiles, more than 320 attack drones and nearly 900 guided bombs.",
        "Zelensky urged the allies to supply more air defences against Russian missile attacks "
        "and drone strikes.",
        "Zelensky a appelé les alliés à livrer plus de défense aérienne face aux attaques de "
        "drones russes.",
    ],
)
def test_the_aggressors_weapons_are_no_need(reader: Extractor, text: str) -> None:
    """What Russia launched, and the weapon that names an attack ("missile attacks",
    "attaques de drones"), are the attacker's, not what the recipient asks for (b24-25: the
    130 missiles, 320 drones and 900 bombs Russia launched were read as needs)."""
    assert _needs(reader, text) == ["air-defence-system"]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        (
            "Zelenskyj beder Danmark og ni andre lande i forsvarssamarbejdet Joint Expeditionary "
            "Force om at sende flere kampvogne til Ukraine.",
            "main-battle-tank",
        ),
        ("Zelenskyj har tryglet vestlige lande om at sende kampvogne.", "main-battle-tank"),
        ("Kuleba: Vi håber at få mindst 100 kampfly.", "aircraft"),
        ("Het ging om een vraag naar antitankwapens, zei Kuleba.", "anti-tank-weapon"),
        (
            "Zelensky hizo un llamado a los países occidentales para que envíen más tanques.",
            "main-battle-tank",
        ),
        ("Melnyk: «Ci servono sistemi di difesa aerea».", "air-defence-system"),
        ("Kuleba: Vi treng luftvern.", "air-defence-system"),
    ],
)
def test_asking_and_needing_in_more_words_of_other_languages(
    reader: Extractor, text: str, need: str
) -> None:
    """Danish asking with a long object before "om at" and begging, hoping to get; Dutch "een
    vraag naar"; Spanish "hizo un llamado"; Italian "ci servono"; Nynorsk "treng" (b56, b82,
    b87: needs missed for want of the word)."""
    assert _needs(reader, text) == [need]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Ukrajnának tüzérségi lőszerre van szüksége, mondta Zelenszkij.", "artillery-ammunition"),
        ("Ukrayna'nın topçu mühimmatına ihtiyacı var, dedi Zelenskiy.", "artillery-ammunition"),
        ("Zelenski je zatražio više sistema protivvazdušne odbrane.", "air-defence-system"),
    ],
)
def test_a_need_stated_verb_last_before_its_speaker_s_tag(
    reader: Extractor, text: str, need: str
) -> None:
    """Hungarian and Turkish put the verb of need last: with the speaker's tag after it (",
    mondta Zelenszkij") what it governs still stands before it; Serbian writes air defence
    "protivvazdušna"."""
    assert _needs(reader, text) == [need]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Der Ukraine geht die Munition aus, warnte Selenskyj.", "artillery-ammunition"),
        ("Пріоритетом для України залишається ППО, наголосив Зеленський.", "air-defence-system"),
        ("«Χρειαζόμαστε άρματα μάχης», δήλωσε ο Ζελένσκι.", "main-battle-tank"),
        ('"Tanklara ihtiyacımız var" dedi Zelenskiy.', "main-battle-tank"),
        ("„Meil on vaja tanke,“ ütles Zelenskõi.", "main-battle-tank"),
    ],
)
def test_more_forms_of_need_from_the_languages_grammar(
    reader: Extractor, text: str, need: str
) -> None:
    """German "geht ... aus" (runs out); Ukrainian "пріоритет"; Greek "χρειαζόμαστε" (no
    accent on the stem); a Turkish quote whose tag follows its closing quote with no comma;
    the Estonian and Turkish cases of "tank"."""
    assert _needs(reader, text) == [need]


def test_going_out_from_a_place_is_no_need(reader: Extractor) -> None:
    assert _needs(reader, "Die Lieferung der Haubitzen geht von Polen aus, sagte Selenskyj.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyj prosí o tanky.",
        "Zelenskiy tank istiyor.",
        "Zelenski pedía tanques.",
        "Zelenskõi nõudis tanke.",
        "Selenskyj bettelte um Panzer.",
    ],
)
def test_more_verbs_of_asking_from_a_probe_of_each_language(reader: Extractor, text: str) -> None:
    """Present and past forms of asking that a probe of each language's verbs found missing
    (Czech "prosí", Turkish "istiyor", Spanish "pedía", Estonian "nõudis", German
    "bettelte")."""
    assert _needs(reader, text) == ["main-battle-tank"]

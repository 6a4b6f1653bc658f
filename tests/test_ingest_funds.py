"""Pools the reader recognises without a named fund: a sum several states give together, and a
sentence whose subject is the pool itself."""

from __future__ import annotations

from materiel.ingest.extract import Extractor, Reading, read_text


def _funds(r: Reading) -> list[tuple[float, str, str]]:
    return [
        (d.fields["amount"], d.fields["currency"], d.fields["category"]) for d in r.by_kind("fund")
    ]


def test_a_sum_given_jointly_is_a_pool_and_no_donors_amount() -> None:
    r = read_text("Sweden, Norway and Denmark have collectively pledged $486 million for Ukraine.")
    assert _funds(r) == [(486e6, "USD", "unspecified")]
    pledges = {d.fields["donor"]: d.fields for d in r.by_kind("pledge")}
    assert set(pledges) == {"SWE", "NOR", "DNK"}
    # each state's share is unknown: the joint sum is no single donor's amount
    assert all(p["amount"] is None for p in pledges.values())


def test_joint_sums_in_other_languages() -> None:
    r = read_text(
        "Deutschland, Dänemark und Schweden haben gemeinsam 500 Millionen Euro für die Ukraine "
        "bereitgestellt."
    )
    assert _funds(r) == [(500e6, "EUR", "unspecified")]
    r = read_text(
        "La Belgique et les Pays-Bas financeront ensemble 300 millions d'euros de drones."
    )
    assert _funds(r) == [(300e6, "EUR", "drone")]


def test_several_states_each_giving_is_not_a_pool() -> None:
    r = read_text("Germany and Norway will each provide €20 million for drones for Ukraine.")
    assert _funds(r) == []
    assert {d.fields["donor"]: d.fields["amount"] for d in r.by_kind("pledge")} == {
        "DEU": 20e6,
        "NOR": 20e6,
    }


def test_a_joint_sum_without_a_pool_word_stays_a_pledge_of_both() -> None:
    # no "together"/"jointly" and no pool: two states in one sentence are not yet a pool
    r = read_text("Belgium and Luxembourg announced €93.8 million in military aid to Ukraine.")
    assert _funds(r) == []
    assert {d.fields["donor"] for d in r.by_kind("pledge")} == {"BEL", "LUX"}


def test_the_pool_as_subject_keeps_its_money_after_a_donor_sentence() -> None:
    r = read_text(
        "Luxembourg joins the drone coalition led by Latvia and the United Kingdom. "
        "The common fund, initially endowed with €58 million, will finance drone production."
    )
    assert (58e6, "EUR", "drone") in _funds(r)
    assert all(d.fields.get("amount") != 58e6 for d in r.by_kind("pledge"))


def test_money_called_funds_is_not_a_pool_subject() -> None:
    r = read_text(
        "The United States announced $775 million in military aid for Ukraine. "
        "The funds will buy six NASAMS and 24 counter-artillery radars."
    )
    assert _funds(r) == []
    cats = {d.fields["category"]: d.fields["quantity"] for d in r.by_kind("pledge")}
    assert cats.get("air-defence-system") == 6


def test_a_sum_that_names_a_pool_is_its_size_beside_a_states_share() -> None:
    r = read_text(
        "Ireland expects to contribute over €120 million to the €5bn Ukraine Assistance Fund "
        "this year."
    )
    assert _funds(r) == [(5e9, "EUR", "unspecified")]
    assert [(d.fields["donor"], d.fields["amount"]) for d in r.by_kind("pledge")] == [
        ("IRL", 120e6)
    ]
    # a sum paid into a fund is the state's, not the fund's size
    r = read_text("Germany will pay €40 million into the fund of the coalition for Ukraine.")
    assert _funds(r) == []


def test_a_contribution_to_a_coalition_takes_its_purpose() -> None:
    """A nation's sum paid into the air defence or demining coalition is a pledge of that
    purpose; a later sum with no pool of its own takes the last pool named before it."""
    reader = Extractor(modality=False)

    def pledges(text: str) -> set[tuple[str, str, float | None]]:
        return {
            (d.fields["donor"], d.fields["category"], d.fields.get("amount"))
            for d in reader.read(text).drafts
            if d.kind == "pledge"
        }

    assert ("LTU", "air-defence-system", 6e6) in pledges(
        "Lithuania will contribute €6 million to the air defence coalition for Ukraine."
    )
    assert ("HRV", "demining", 5e6) in pledges(
        "Croatia will give €5 million to the demining coalition for Ukraine."
    )
    got = pledges(
        "The drone coalition for Ukraine met in Riga. Canada allocated €70 million. "
        "Ukraine also thanked the IT coalition. Lithuania allocated €3 million."
    )
    assert ("LTU", "other-military", 3e6) in got
    # the Czech initiative named in other languages is the ammunition pool
    assert ("LUX", "artillery-ammunition", 10e6) in pledges(
        "Luksemburg przekaże 10 mln euro na czeską inicjatywę amunicyjną dla Ukrainy."
    )


def test_a_share_of_a_sum_is_not_the_sum() -> None:
    """A donor's share of a whole ("10 % des 300 millions", "25 Prozent der 2 Milliarden") is
    no pledge of the whole; the whole stays a fund when the text names it one."""
    for text in (
        "La France financera 10 % des 300 millions d'euros de l'initiative pour l'Ukraine.",
        "Deutschland übernimmt 25 Prozent der 2 Milliarden Euro für die Munition der Ukraine.",
        "Canada will cover a third of the $600 million for Ukraine's air defence.",
    ):
        r = read_text(text)
        assert [d.fields["amount"] for d in r.by_kind("pledge")] in ([], [None]), text
    r = read_text("Germany will pay 1.9 per cent of the €500 billion fund for Ukraine.")
    assert _funds(r) == [(500e9, "EUR", "unspecified")]
    assert all(d.fields["amount"] is None for d in r.by_kind("pledge"))
    # a sum given whole keeps its value
    r = read_text("Germany will provide 300 million euros to Ukraine.")
    assert [d.fields["amount"] for d in r.by_kind("pledge")] == [300e6]


def test_what_an_initiative_has_raised_is_the_pools_whoever_leads_it() -> None:
    """ "Dank der deutschen Initiative ... konnte bereits fast eine Milliarde Euro eingesammelt
    werden": the initiative's sum (a fund entry), not Germany's pledge; "konnte ... werden" is a
    past modal and a passive, no future."""
    r = Extractor(modality=False).read(
        "Dank der deutschen Initiative zur Stärkung der Luftverteidigung der Ukraine konnte "
        "bereits fast eine Milliarde Euro eingesammelt werden."
    )
    assert _funds(r) == [(1e9, "EUR", "air-defence-system")]
    assert not r.by_kind("pledge")
    r = Extractor(modality=False).read(
        "The coalition has raised $500 million for drones for Ukraine so far."
    )
    assert _funds(r) == [(500e6, "USD", "drone")]
    # a state's own sum stays its pledge
    r = Extractor(modality=False).read("Deutschland stellt der Ukraine 500 Millionen Euro bereit.")
    assert not _funds(r) and [d.fields["donor"] for d in r.by_kind("pledge")] == ["DEU"]


def test_the_international_fund_for_ukraine_by_its_name_in_other_languages() -> None:
    """The UK-run pool named in Italian, French or German (or "IFU") is a fund; the states
    named with "insieme a" (together with) pay into it with the subject."""
    r = Extractor(modality=False).read(
        "Il Regno Unito insieme a Paesi Bassi e Norvegia ha contribuito con oltre 520 milioni di "
        "sterline al Fondo internazionale per l'Ucraina."
    )
    assert _funds(r) == [(520e6, "GBP", "unspecified")]
    assert {d.fields["donor"] for d in r.by_kind("pledge")} == {"GBR", "NLD", "NOR"}
    assert all(d.fields["amount"] is None for d in r.by_kind("pledge"))
    # one state's payment into it is that state's pledge (its share), as in English
    for text in (
        "Sweden will pay 20 million euros into the International Fund for Ukraine.",
        "La Suède versera 20 millions d'euros au Fonds international pour l'Ukraine.",
        "Schweden zahlt 20 Millionen Euro in den Internationalen Fonds für die Ukraine ein.",
    ):
        r = Extractor(modality=False).read(text)
        assert not _funds(r), text
        assert [(d.fields["donor"], d.fields["amount"]) for d in r.by_kind("pledge")] == [
            ("SWE", 20e6)
        ], text


def test_under_purl_the_united_states_sells_and_gives_nothing() -> None:
    """Under PURL allies buy American arms for Ukraine: the items and sums the United States
    releases are no US pledge; the allies that pay are the givers."""
    r = Extractor(modality=False).read(
        "Norway will finance a $500 million PURL package for Ukraine. The United States will "
        "deliver Patriot missiles and HIMARS rockets to Ukraine under the package."
    )
    assert {d.fields["donor"] for d in r.by_kind("pledge")} == {"NOR"}

"""Who gives, across clauses and sentences (issue 15): carry-over of the donor to a sentence that
goes on with a package, passive agents, officials who stand for their state, speakers who only
speak, other givers as the subject, and a state's office after its name."""

from __future__ import annotations

import pytest

from materiel.ingest import nations as nat
from materiel.ingest.extract import Extractor, _codes, _donor_groups

EX = Extractor(modality=False)


def pledges(text: str) -> set[tuple[str, str]]:
    return {
        (d.fields["donor"], d.fields["category"])
        for d in EX.read(text).drafts
        if d.kind == "pledge"
    }


def test_continuation_carries_the_donor() -> None:
    got = pledges(
        "Germany will send 10 Leopard tanks to Ukraine. "
        "The package also includes 5,000 artillery shells."
    )
    assert ("DEU", "artillery-ammunition") in got
    got = pledges(
        "Schweden schickt der Ukraine zehn Kampfboote. "
        "Darüber hinaus gehören Panzerabwehrraketen zu dem Paket."
    )
    assert ("SWE", "anti-tank-weapon") in got


def test_continuation_with_the_same_givers_office_as_speaker() -> None:
    """The package's contents said by the donor's own ministry ("..., the Pentagon said",
    "wie das US-Verteidigungsministerium mitteilte") go on with the same donor; another state
    named there does not (it is a donor of its own)."""
    first = "Die USA haben der Ukraine weitere 1,1 Milliarden Dollar an Militärhilfen zugesagt. "
    for tag in (
        ", wie das US-Verteidigungsministerium am Mittwoch mitteilte",
        ", teilte das Pentagon mit",
    ):
        got = pledges(
            first + "Das neue Rüstungspaket umfasst unter anderem 18 Raketenwerfersysteme vom "
            "Typ Himars, 150 gepanzerte Fahrzeuge vom Typ Humvee" + tag + "."
        )
        assert ("USA", "rocket-artillery-system") in got, tag
        assert ("USA", "armoured-vehicle") in got, tag
    got = pledges(
        "The United States pledged $1.1 billion to Ukraine. The package also includes 18 HIMARS"
        " launchers, the Pentagon said."
    )
    assert ("USA", "rocket-artillery-system") in got
    got = pledges(
        "The United States pledged $1.1 billion to Ukraine. The package also includes 18 HIMARS"
        " launchers, Germany said."
    )
    assert ("USA", "rocket-artillery-system") not in got


def test_no_continuation_when_the_recipient_speaks() -> None:
    got = pledges(
        "Germany will send 10 Leopard tanks to Ukraine. "
        "Zelensky also expects progress on F-16 fighter jets."
    )
    assert ("DEU", "aircraft") not in got


def test_no_continuation_in_a_text_without_the_recipient() -> None:
    got = pledges(
        "Der Haushaltsausschuss hat Beschaffungen für die Bundeswehr im Wert von 50 Milliarden "
        "Euro bewilligt. Die Vorlagen beinhalten unter anderem neue Schützenpanzer Puma."
    )
    assert ("DEU", "armoured-vehicle") not in got


def test_passive_agent_after_the_items() -> None:
    got = pledges(
        "Other contributions included €200 million from the Netherlands for drone interceptors "
        "and a €1 billion package from Norway for Ukraine."
    )
    assert ("NOR", "unspecified") in got
    assert ("NLD", "drone") in got


def test_par_and_durch_name_the_agent_of_a_passive_of_giving() -> None:
    assert ("DEU", "artillery-system") in pledges(
        "Selon le ministère, des canons Caesar seront livrés par l'Allemagne à l'Ukraine dans "
        "les prochaines semaines."
    )
    assert ("DEU", "artillery-system") in pledges(
        "Nach Angaben des Ministeriums wurden Panzerhaubitzen durch Deutschland an die Ukraine "
        "geliefert, wie die Regierung mitteilte."
    )


def test_par_and_durch_still_name_a_place_passed_through() -> None:
    assert not any(
        d == "POL"
        for d, _ in pledges(
            "Les obus transitent par la Pologne avant d'être livrés à l'Ukraine, a indiqué le "
            "ministère."
        )
    )
    assert not any(
        d == "POL"
        for d, _ in pledges(
            "Die Panzerhaubitzen wurden durch Polen in die Ukraine transportiert und geliefert."
        )
    )


def test_officials_stand_for_their_state() -> None:
    codes = {m.codes for m in nat.find_nations("Defence Minister Anita Anand and Tajani spoke.")}
    assert codes == {("CAN",), ("ITA",)}
    got = pledges("Belgiens Bundesregierung schickt der Ukraine 20 Haubitzen.")
    assert {d for d, _ in got} == {"BEL"}


def test_speaker_of_other_givers_is_no_donor() -> None:
    got = pledges(
        '"Many countries are donating critically needed artillery ammunition to Ukraine," '
        "Austin said."
    )
    assert not any(d == "USA" for d, _ in got)


def test_other_givers_as_subject_do_not_inherit() -> None:
    got = pledges(
        "The United States will send 10 HIMARS launchers to Ukraine. "
        "Others came forward with new commitments for training Ukraine's forces."
    )
    assert ("USA", "other-military") not in got
    assert ("USA", "rocket-artillery-system") in got


def test_state_and_its_official_are_one_mention() -> None:
    text = "Latvian Defence Minister Andris Sprūds announced 5,000 drones for Ukraine."
    groups = _donor_groups(nat.find_nations(text), text, 0, [])
    assert len(groups) == 1 and _codes(groups[0]) == ["LVA"]
    assert groups[0][0].surface == "Latvian"


def test_more_adjectives_and_schemes() -> None:
    assert [m.codes for m in nat.find_nations("die estnische Regierung")] == [("EST",)]
    assert [m.codes for m in nat.find_nations("le gouvernement autrichien")] == [("AUT",)]
    assert nat.find_nations("the Czech Republic's initiative to buy shells") == []
    assert nat.find_nations("US-origin F-16 jets") == []


def test_many_unnamed_givers_make_a_pool() -> None:
    reading = EX.read(
        "Deutschland hat der Ukraine Munition zugesagt. Insgesamt haben 18 Staaten finanzielle "
        "Unterstützung im Umfang von rund 1,6 Milliarden Euro für die Munition zugesagt."
    )
    assert 1.6e9 in [d.fields["amount"] for d in reading.drafts if d.kind == "fund"]
    assert not any(d.kind == "pledge" and d.fields["amount"] == 1.6e9 for d in reading.drafts)


def test_donor_named_just_after_the_first_pledge_sentence() -> None:
    got = pledges(
        "By using drawdown authority, four HIMARS launchers can be sent to Ukraine in the "
        "coming days. The United States announced the package on Friday."
    )
    assert ("USA", "rocket-artillery-system") in got
    # the recipient as the buyer, and a dateline, give no donor ahead
    got = pledges(
        "Ukraine bestellt 18 IRIS-T-Flugabwehrsysteme. Berlin. Die Bestellung ging an Diehl."
    )
    assert not any(d == "DEU" for d, _ in got)


def test_partner_in_cooperation_is_no_donor() -> None:
    got = pledges(
        "Denmark will give Ukraine a new aid package. "
        "It will fund 155 mm artillery shells in cooperation with France."
    )
    assert ("DNK", "artillery-ammunition") in got
    assert ("FRA", "artillery-ammunition") not in got


def test_partners_together_with_the_subject_each_give() -> None:
    drafts = EX.read(
        "Germany, together with Denmark and the Netherlands, will send 100 Leopard 1 tanks "
        "to Ukraine."
    ).drafts
    got = {(d.fields["donor"], d.fields["quantity"]) for d in drafts if d.kind == "pledge"}
    assert got == {("DEU", None), ("DNK", None), ("NLD", None)}  # a joint total


def test_rutte_with_a_nato_office_speaks_for_nato() -> None:
    def codes(text: str) -> list[tuple[str, ...]]:
        return [m.codes for m in nat.find_nations(text)]

    assert ("NLD",) not in codes("NATO Secretary General Mark Rutte welcomed the pledges.")
    assert ("NLD",) not in codes("Das sagte NATO-Generalsekretär Rutte am Mittwoch.")
    assert ("NLD",) not in codes("Mark Rutte, secrétaire général de l'OTAN, a salué l'annonce.")
    assert ("NLD",) in codes("Prime Minister Mark Rutte announced the delivery of howitzers.")


def test_german_participle_as_adjective_names_the_giving() -> None:
    """A participle of giving declined before its noun ("die von Deutschland gelieferten
    Panzer") is a word of giving like the bare participle."""
    got = EX.read(
        "Die von Deutschland gelieferten 18 Leopard-2-Kampfpanzer sind in der Ukraine eingetroffen."
    )
    rows = got.as_label()["pledges"]
    assert [(r["donor"], r["category"], r["quantity"]) for r in rows] == [
        ("DEU", "main-battle-tank", 18)
    ]
    assert pledges("Das von Norwegen zugesagte Paket umfasst 20 Haubitzen für die Ukraine.") == {
        ("NOR", "artillery-system")
    }


def test_declined_names_in_a_list_are_one_group_of_donors() -> None:
    """ "von Dänemark, Deutschland und den Niederlanden": the article of a declined name, and
    "and" in other languages, join a list of givers."""
    got = pledges(
        "Die ersten zehn von Dänemark, Deutschland und den Niederlanden gespendeten "
        "Leopard-1-Panzer sind in der Ukraine eingetroffen."
    )
    assert got == {
        ("DNK", "main-battle-tank"),
        ("DEU", "main-battle-tank"),
        ("NLD", "main-battle-tank"),
    }


def test_nordic_and_dutch_givers() -> None:
    """'sender' is the Danish and Norwegian verb of sending, not a German broadcaster; Dutch
    'en' and Swedish 'samt' join lists; 'elk' gives each donor the number; the recipient's
    lower-case adjective names it ('til de ukrainske styrker')."""
    assert pledges("Norge sender 30 stridsvogner til Ukraina.") == {("NOR", "main-battle-tank")}
    got = EX.read("Nederland en Duitsland gaan elk drie pantserhouwitsers aan Oekraïne leveren.")
    assert sorted((r["donor"], r["quantity"]) for r in got.as_label()["pledges"]) == [
        ("DEU", 3),
        ("NLD", 3),
    ]
    # Dutch "te sturen" (to send), after "liet weten" (let it be known)
    assert pledges(
        "Duitsland liet deze week weten een Patriot-systeem naar Oekraïne te sturen."
    ) == {("DEU", "air-defence-system")}
    assert pledges("Danmark donerer 10 kampvogne til de ukrainske styrker.") == {
        ("DNK", "main-battle-tank")
    }
    assert pledges("Sverige skickar 12 granatkastare samt 5 000 pansarskott till Ukraina.") >= {
        ("SWE", "anti-tank-weapon")
    }
    # French "en" is still a place: "livrés en Allemagne" names no giver
    assert ("DEU", "main-battle-tank") not in pledges(
        "La France enverra des chars à l'Ukraine, fabriqués en Allemagne."
    )


def test_spanish_recipient_and_portuguese_more() -> None:
    """Spanish names the recipient 'Ucrania'; Portuguese 'mais' is 'more', not French 'mais'
    ('but'), so it does not cut the request short; French 'mais' still ends a clause."""
    got = EX.read("España ha confirmado el envío a Ucrania de seis lanzadores Hawk.")
    assert [(r["donor"], r["category"], r["quantity"]) for r in got.as_label()["pledges"]] == [
        ("ESP", "air-defence-system", 6)
    ]
    needs = EX.read(
        "A Ucrânia precisa de mais sistemas de defesa aérea, disse o presidente Zelensky."
    ).as_label()["needs"]
    assert [(r["recipient"], r["category"]) for r in needs] == [("UKR", "air-defence-system")]
    assert pledges("L'Allemagne livrera des chars, mais la France hésite encore.") == {
        ("DEU", "main-battle-tank")
    }


def test_a_recap_of_past_totals_goes_on_with_the_same_donor() -> None:
    """After a past total, the same donor named again in the past ('Poland also sent ...') and
    a sentence with no item between ('... also gave air support') leave the recap going: no
    new pledge. A new donor or the future ends it."""
    assert not pledges(
        "Od początku wojny Polska przekazała Ukrainie 320 czołgów. Polska przekazała również "
        "wsparcie lotnicze. Do Ukrainy trafiło 10 myśliwców MiG-29."
    )
    assert not pledges(
        "Since the start of the war, Poland has sent 320 tanks to Ukraine. Poland sent "
        "10 MiG-29 fighters as well."
    )
    assert ("POL", "aircraft") in pledges(
        "Since the start of the war, Poland has sent 320 tanks to Ukraine. Poland will send "
        "10 MiG-29 fighters next month."
    )


def test_the_nordic_country_is_the_one_named_before_not_the_group() -> None:
    r = Extractor().read(
        "Finland announced its 13th package on Monday. The Nordic country was sending three "
        "modified Leopard 2 tanks, the ministry said."
    )
    assert [(d.fields["donor"], d.fields["quantity"]) for d in r.by_kind("pledge")] == [("FIN", 3)]
    r = Extractor().read("The Nordic countries will send 30 tanks to Ukraine.")
    assert {d.fields["donor"] for d in r.by_kind("pledge")} == {"DNK", "FIN", "ISL", "NOR", "SWE"}


def test_items_for_another_states_forces_are_a_ring_exchange_not_a_pledge() -> None:
    for text in (
        "Germany will give the Czech army 15 Leopard 2 tanks in return for the T-72 tanks "
        "Prague sent to Ukraine.",
        "Im Rahmen des Ringtauschs will Deutschland der tschechischen Armee 15 Leopard-2-Panzer "
        "zur Verfügung stellen.",
        "Germany will supply 15 Leopard 2A4 tanks to the Czech armed forces as compensation.",
        "L'Allemagne livrera 15 chars à l'armée tchèque en échange des T-72 envoyés à l'Ukraine.",
    ):
        assert Extractor().read(text).by_kind("pledge") == [], text
    # the recipient's own forces, and another army named only as where the items served
    for text in (
        "Estland wird der ukrainischen Armee 155-mm-Haubitzen zur Verfügung stellen.",
        "Estonia will give Ukraine 24 howitzers, all of them in service with the Estonian army.",
    ):
        assert Extractor().read(text).by_kind("pledge") != [], text


def test_reported_contents_and_the_ammunition_of_each_system() -> None:
    """German reported speech ("Es enthalte ...") goes on with the package, and "Munition für
    Himars und für Nasams" is ammunition of both systems, not a NASAMS system."""
    drafts = [
        d.fields
        for d in EX.read(
            "Die USA stellen der Ukraine weitere Militärhilfe zur Verfügung. Das neue Paket habe "
            "einen Umfang von rund 200 Millionen US-Dollar. Es enthalte unter anderem Munition für "
            "Mehrfachraketenwerfer vom Typ Himars und für das Luftverteidigungssystem vom Typ "
            "Nasams sowie Artilleriemunition mit den Kalibern 155 und 105 Millimeter."
        ).drafts
        if d.kind == "pledge"
    ]
    got = {(f["donor"], f["category"], f["caliber"]) for f in drafts}
    assert ("USA", "rocket-artillery-ammunition", None) in got
    assert ("USA", "air-defence-missile", None) in got
    assert ("USA", "air-defence-system", None) not in got
    assert ("USA", "artillery-ammunition", "155mm") in got
    assert ("USA", "artillery-ammunition", "105mm") in got


def test_a_package_announced_without_items_then_its_contents() -> None:
    """Finnish: the package is announced with no item, the next sentences list its contents and
    its cost; the running total of all packages is no new pledge."""
    drafts = [
        d.fields
        for d in EX.read(
            "Suomi toimittaa Ukrainaan 17. puolustustarvikeapulähetyksen. Tasavallan presidentti "
            "päätti asiasta torstaina. Lähetys sisältää muun muassa lisää ilmatorjunta-aseistusta "
            "ja ampumatarvikkeita. Lisäavussa on huomioitu sekä Ukrainan tarpeita, että "
            "Puolustusvoimien resurssitilannetta Suomessa. "
            "Uuden lähetyksen arvioidaan maksavan Suomelle 105 miljoonaa "
            "euroa. Kaikkien Suomen Ukrainalle toimittamien puolustustarvikepakettien korvattava "
            "arvo on nyt noin 1,2 miljardia euroa."
        ).drafts
        if d.kind == "pledge"
    ]
    assert ("FIN", "air-defence-system") in {(f["donor"], f["category"]) for f in drafts}
    assert [f["amount"] for f in drafts if f["amount"] is not None] == [105_000_000]


def test_what_goes_into_the_package_is_its_contents() -> None:
    """Ukrainian "До пакета входять ...", Russian "В пакет вошли ...", Finnish "Pakettiin
    kuuluu ..." ("goes into the package"): the sentence lists the package announced before it,
    as "The package includes ..." does (the package of a blind text told in Ukrainian)."""
    texts = {
        "uk": "Данія виділила Україні військову допомогу на суму 3,7 мільярда крон. Про це "
        "повідомило міністерство оборони. До пакета допомоги входять танки Т-72, "
        "артилерійські боєприпаси та безпілотники.",
        "ru": "Дания выделила Украине военную помощь на сумму 3,7 миллиарда крон. В пакет "
        "вошли танки Т-72, артиллерийские боеприпасы и беспилотники.",
        "fi": "Viro lähettää Ukrainalle suurimman aseapupakettinsa. Pakettiin kuuluu "
        "haupitseja, ampumatarvikkeita ja drooneja.",
    }
    for lang, text in texts.items():
        donor = "EST" if lang == "fi" else "DNK"
        got = pledges(text)
        assert (donor, "artillery-ammunition") in got, (lang, got)
        assert (donor, "drone") in got, (lang, got)
    assert ("DNK", "main-battle-tank") in pledges(texts["uk"])


def test_a_pledge_word_after_the_recipient_named_just_before() -> None:
    """In other languages a giving verb counts when the sentence before named the recipient
    ("Norge donerer ... Ukraina" then "regjeringen donerer mer luftvernutstyr til en sum av 335
    millioner kroner"), unless the sentence tells the past."""
    got = [
        d.fields
        for d in EX.read(
            "Norge donerer luftvernutstyr fordi det haster for Ukraina. Onsdag ble det kjent at "
            "regjeringen donerer mer luftvernutstyr til en sum av 335 millioner kroner."
        ).drafts
        if d.kind == "pledge"
    ]
    assert ("NOR", "air-defence-system", 335_000_000, "NOK") in {
        (f["donor"], f["category"], f["amount"], f["currency"]) for f in got
    }


def test_an_approved_proposal_and_a_running_total_stated_now() -> None:
    text = (
        "On Wednesday, the President of Finland approved the government's proposal to provide "
        "Ukraine with another package of military assistance worth about €95 million. "
        "The total cost of the defence assistance packages provided by Finland to Ukraine is "
        "currently €1.4 billion."
    )
    amounts = [d.fields["amount"] for d in EX.read(text).drafts if d.kind == "pledge"]
    assert amounts == [95_000_000]


def test_air_defenses_in_the_plural() -> None:
    got = {
        (d.fields["donor"], d.fields["category"], d.fields["amount"])
        for d in EX.read("Canada to give C$33 mln to help buy air defenses for Ukraine.").drafts
    }
    assert ("CAN", "air-defence-system", 33_000_000) in got


def test_already_with_a_verb_in_the_future_is_soon() -> None:
    """Latvian "jau tuvākajā laikā nosūtīs" (will send soon) is no report of the past; Czech
    "Jedná se o ..." names the contents of the package just announced."""
    got = pledges(
        "Mūrniece sola, ka Latvija jau tuvākajā laikā nosūtīs Ukrainai pretgaisa aizsardzības "
        "raķetes “Stinger”, helikopterus, ložmetējus, munīciju un bezpilota lidaparātus."
    )
    assert {("LVA", "helicopter"), ("LVA", "small-arms"), ("LVA", "drone")} <= got
    assert ("CZE", "small-arms") in pledges(
        "Česko pošle na Ukrajinu vojenský materiál v hodnotě 188 milionů korun. Jedná se o 30 "
        "tisíc pistolí, 7000 útočných pušek a 3000 kulometů."
    )


def test_a_past_recap_after_the_recipient_is_no_pledge() -> None:
    assert not pledges(
        "Ministryně zopakovala, že Česká republika na Ukrajinu poslala velké množství pomoci. "
        '"Byli jsme první, kdo dodal munici, tanky, bojová vozidla pěchoty, vrtulníky."'
    )


def test_the_most_precise_mention_is_the_evidence() -> None:
    """With no figure, a repeated pledge keeps the mention that names the item most precisely."""
    text = (
        "Britain to send tanks to Ukraine. "
        "The United Kingdom will send Challenger 2 main battle tanks to Ukraine, Sunak said."
    )
    reading = EX.read(text)
    (draft,) = [d for d in reading.drafts if d.kind == "pledge"]
    assert "Challenger 2" in reading.evidence(draft)


def test_contents_listed_further_on_go_on_with_the_package() -> None:
    """A sentence that lists the package's contents ("Sie ... umfasse 18 Radhaubitzen") goes on
    with it a few sentences later, while no other donor was named in between."""
    text = (
        "Deutschland liefert weitere Waffen im Wert von 2,7 Milliarden Euro an die Ukraine. "
        "Das hat das Verteidigungsministerium in Berlin mitgeteilt. "
        "Es ist die bisher größte Rüstungsunterstützung des Bundes. "
        "Laut Ministerium folgt die Lieferung den bisherigen Schwerpunkten. "
        "Sie beinhalte unter anderem Material für die Artillerie und umfasse 18 Radhaubitzen."
    )
    assert ("DEU", "artillery-system") in pledges(text)
    other = text.replace("Es ist die bisher", "Frankreich schickt Munition. Es ist die bisher")
    assert ("DEU", "artillery-system") not in pledges(other)


def test_it_is_about_and_among_them_go_on_with_the_package() -> None:
    """ "Det handlar bland annat om ...", "Se trató de ...", "Ide konkrétne o ...", "Geplant
    sind unter anderem ...": the contents of the package just told, in its donor's name; with
    "Dazu zählen" further on, as with "umfasst"."""
    cases = {
        "Sverige skickar ett nytt stödpaket till Ukraina. Det handlar bland annat om "
        "minröjningsutrustning och kulsprutor.": ("SWE", "small-arms"),
        "España enviará a Ucrania diez carros de combate Leopard. Se trata de un total de 1.370 "
        "lanzagranadas contracarro.": ("ESP", "anti-tank-weapon"),
        "Slovensko pošle Ukrajine desať tankov. Ide konkrétne o 12.000 kusov "
        "120-milimetrovej munície.": ("SVK", "artillery-ammunition"),
        "Deutschland schickt der Ukraine zehn Panzerhaubitzen. Geplant sind unter anderem "
        "Überwachungsradare und Handfeuerwaffen.": ("DEU", "small-arms"),
        "Großbritannien liefert der Ukraine 14 Kampfpanzer. Das sagte der Minister in London. "
        "Es ist das größte Paket des Jahres. Dazu zählen Flugabwehrraketen und "
        "AS90-Panzerhaubitzen.": (
            "GBR",
            "artillery-system",
        ),
    }
    for text, want in cases.items():
        assert want in pledges(text), text


def test_a_long_list_of_donors_announcing_packages_is_one_clause() -> None:
    """ "Großbritannien, Estland, ..., die Niederlande und die Slowakei haben weitere
    Militärhilfepakete angekündigt": the commas of the list split no clause from its verb;
    each state announced a package with no item."""
    text = (
        "Vor allem Großbritannien, Estland, Litauen, Lettland, Polen, die Niederlande und die "
        "Slowakei haben weitere Militärhilfepakete für die Ukraine angekündigt."
    )
    got = {d.fields["donor"] for d in EX.read(text).drafts if d.kind == "pledge"}
    assert got == {"GBR", "EST", "LTU", "LVA", "POL", "NLD", "SVK"}
    # a list of states that are merely named (no package, no giving) announces nothing
    text = "Vertreter aus Großbritannien, Estland, Litauen und Lettland trafen sich in Kiew."
    assert not [d for d in EX.read(text).drafts if d.kind == "pledge"]


@pytest.mark.parametrize(
    "text",
    [
        "Sammen med USA, Storbritannien og Holland vil Danmark donere luftforsvarssystemer til "
        "Ukraine.",
        "Together with the United States, Britain and the Netherlands, Denmark will donate air "
        "defence systems to Ukraine.",
    ],
)
def test_partners_in_an_opening_together_with_give_with_the_subject(text: str) -> None:
    """A sentence that opens with "together with" and the partners, then the verb before the
    subject (Danish and German put the verb second), gives each of them a pledge (b84)."""
    drafts = EX.read(text).drafts
    assert sorted(d.fields["donor"] for d in drafts if d.kind == "pledge") == [
        "DNK",
        "GBR",
        "NLD",
        "USA",
    ]


def test_a_joint_count_after_zusammen_mit_belongs_to_no_single_donor() -> None:
    drafts = EX.read(
        "Zusammen mit den Niederlanden wird Deutschland der Ukraine 14 Leopard-Panzer liefern."
    ).drafts
    got = sorted((d.fields["donor"], d.fields["quantity"]) for d in drafts if d.kind == "pledge")
    assert got == [("DEU", None), ("NLD", None)]
    alone = EX.read("Am Montag wird Deutschland der Ukraine 14 Leopard-Panzer liefern.").drafts
    assert [(d.fields["donor"], d.fields["quantity"]) for d in alone] == [("DEU", 14)]

"""Round 4 of incident coding (ACLED-style notes): ordinary life that shares words with political violence,
protests worded without a protest verb, crowds acting, protest and repression in one sentence, force against
crowds, and violence or coercion worded indirectly.  Every sentence here is our own wording, set in other
places and with other words than the labelled sets."""

from __future__ import annotations

import pytest

from fulcrum.extract import default_pipeline
from fulcrum.model import Article


@pytest.fixture(scope="module")
def full(default_pipe):
    pipe = default_pipe

    def run(text: str) -> list[tuple[str, str | None]]:
        art = pipe(Article(text=text))
        return [(e.type, e.mode) for e in art.events]

    return run


def _types(events):
    return {t for t, _ in events}


# -- no event: nature, animals, accidents, domestic crime, police work, sport, rescue, causes ------------------
@pytest.mark.parametrize("text", [
    "A magnitude 5.9 tremor struck northern Chile on Tuesday, damaging roads and cutting power to 40,000 homes.",
    "A minibus carrying traders to a weekly market overturned near Kasungu on Friday, killing eleven people.",
    "A fisherman was mauled by a crocodile on the banks of the Shire river, police said.",
    "A farmer in Mardan shot his brother dead after a quarrel over irrigation water.",
    "Coast guard officers seized 900 kilograms of heroin from a fishing boat off Gwadar.",
    "Police in Accra detained three youths suspected of robbing a fuel station on Sunday night.",
    "A court in Dakar convicted a former customs clerk of embezzling public funds and jailed him for six years.",
    "Uganda's national rugby team beat Kenya 24-17 in the regional final in Kampala.",
    "Firefighters pulled four survivors from the debris of a collapsed hotel in Antalya.",
    "Investigators blamed a faulty gas valve for the blast at a bakery in Tabriz.",
    "A boiler blew up in a textile mill in Faisalabad; police ruled out sabotage.",
])
def test_ordinary_life_is_no_event(full, text):
    assert full(text) == [], full(text)


@pytest.mark.parametrize("text, type_", [
    ("Taliban fighters beat women protesters in Herat.", "ASSAULT"),
    ("Police arrested an opposition MP in Lusaka on charges of sedition.", "COERCE"),
    ("The army blamed the rebels for the ambush near Beni.", "ACCUSE"),
])
def test_political_acts_in_the_same_words_stay(full, text, type_):
    assert type_ in _types(full(text)), full(text)


# -- protests worded without a protest verb ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "About 300 nurses assembled outside the health ministry in Lilongwe on Monday to demand unpaid allowances.",
    "Dozens of pensioners sat outside the social security office in Asuncion, demanding that benefits be indexed.",
    "Bus drivers in Lahore staged a dharna outside the transport authority, demanding higher fares.",
    "Opposition parties called a hartal in Sylhet on Sunday; shops and schools stayed shut.",
    "Quarry workers in Kisii stopped work on Tuesday, accusing the owners of unpaid wages.",
    "Hundreds of residents of Ouargla took to the streets on Friday over chronic water cuts.",
    "Supporters of the jailed mayor began a sit-in outside the courthouse in Izmir.",
    "Tenant farmers occupied an idle estate near Mymensingh, demanding land titles.",
])
def test_protest_worded_without_a_protest_verb(full, text):
    assert "PROTEST" in _types(full(text)), full(text)
    assert "REQUEST" not in _types(full(text)), full(text)


@pytest.mark.parametrize("text, type_", [
    ("European ministers gathered in Brussels on Monday to demand an immediate ceasefire.", "REQUEST"),
    ("Fans poured into the streets of Lagos to celebrate the cup win.", None),
])
def test_officials_gathering_or_crowds_celebrating_are_no_protest(full, text, type_):
    assert "PROTEST" not in _types(full(text)), full(text)
    if type_:
        assert type_ in _types(full(text)), full(text)


# -- crowds acting violently: mob violence, a riot -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A man accused of witchcraft was set ablaze by a mob in Kisumu county on Saturday.",
    "Villagers in Kasai attacked a team of vaccinators and burned their motorbikes.",
    "Pickets torched two lorries on the Harare-Mutare road during the stayaway.",
])
def test_crowd_violence_is_a_riot(full, text):
    assert ("PROTEST", "riot") in full(text) or "PROTEST" in _types(full(text)), full(text)
    assert "ASSAULT" not in _types(full(text)), full(text)


# -- protest and repression in one sentence, the protest in a clause of its own ----------------------------------
@pytest.mark.parametrize("text, force", [
    ("Police in Tbilisi detained 14 people after demonstrators chanted slogans outside parliament.", "COERCE"),
    ("Three people were shot dead in Bamako as soldiers broke up an unauthorised rally of the opposition.",
     "ASSAULT"),
    ("Men armed with machetes attacked a procession of opposition supporters in Mutare, injuring six people.",
     "ASSAULT"),
    ("Police in Nairobi arrested nine teachers who tried to march to the ministry; they were later charged "
     "with unlawful assembly.", "COERCE"),
])
def test_protest_and_its_repression(full, text, force):
    assert {"PROTEST", force} <= _types(full(text)), full(text)


# -- force against crowds: crowd-control means coerce; a death makes it an assault -------------------------------
def test_tear_gas_and_stun_grenades_coerce(full):
    evs = full("Riot police fired tear gas and stun grenades at students marching in Dhaka on Monday.")
    assert "COERCE" in _types(evs) and "ASSAULT" not in _types(evs), evs


def test_water_cannon_coerces(full):
    evs = full("Gendarmes used water cannon and rubber bullets against farmers blocking the highway near Lyon.")
    assert "COERCE" in _types(evs) and "ASSAULT" not in _types(evs), evs


def test_crowd_control_with_a_death_is_an_assault(full):
    evs = full("Police fired rubber bullets and tear gas at the crowd; a student was killed.")
    assert "ASSAULT" in _types(evs), evs


def test_live_fire_stays_an_assault(full):
    evs = full("Soldiers fired live ammunition at protesters in Khartoum on Thursday.")
    assert "ASSAULT" in _types(evs), evs


# -- violence worded indirectly --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Two farmers were hacked to death by armed herders in Guma, Benue State, on Sunday.",
    "A shepherd was wounded after stepping on a landmine planted by Houthi fighters near Taiz.",
    "Government troops repelled an assault by Al-Shabaab militants on a base in Hiraan region.",
    "On 3 May, gunmen riding motorcycles killed 14 villagers in Seytenga, Seno province.",
    "Armed settlers, some of them masked, attacked Palestinian farmers near Hebron and set fire to a tractor.",
])
def test_violence_worded_indirectly(full, text):
    assert "ASSAULT" in _types(full(text)), full(text)


def test_the_one_who_planted_the_mine_is_the_source():
    pipe = default_pipeline()
    art = pipe(Article(text="A shepherd was wounded after stepping on a landmine planted by Houthi fighters near Taiz."))
    ev = next(e for e in art.events if e.type == "ASSAULT")
    assert [a.code for a in ev.source] == ["YEM"], ev.source


# -- coercion by order, decree or conscription ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The military government of Niger ordered all foreign aid groups to suspend their activities in Tillaberi.",
    "The junta dissolved the national teachers' union by decree on Friday.",
    "Malian authorities requisitioned several journalists to serve in the army.",
])
def test_coercion_by_order_or_decree(full, text):
    assert "COERCE" in _types(full(text)), full(text)


def test_a_court_ordering_a_state_is_a_request(full):
    assert "REQUEST" in _types(full("The ICJ ordered Israel to stop the offensive in Rafah.")), \
        full("The ICJ ordered Israel to stop the offensive in Rafah.")


# -- truces signed, camps set up ------------------------------------------------------------------------------------
def test_a_truce_signed_is_agreed(full):
    assert "AGREE" in _types(full("The government of Mozambique and Renamo signed a cessation of hostilities "
                                  "in Maputo on Thursday."))


def test_a_training_camp_set_up_is_mobilization(full):
    assert "MOBILIZE" in _types(full("The rebels have set up a training camp near Bunia, local officials said."))


# -- actors ------------------------------------------------------------------------------------------------------
def test_fighting_broke_out_between_two_sides_names_both_as_sources():
    pipe = default_pipeline()
    art = pipe(Article(text="Heavy fighting broke out between the Ethiopian army and Fano militiamen near Gondar "
                            "on Tuesday."))
    ev = next(e for e in art.events if e.type == "ASSAULT")
    assert {a.code for a in ev.source} == {"ETH"}, ev.source
    assert len(ev.source) == 2, ev.source


def test_a_later_sentence_of_a_note_takes_the_country_of_the_earlier_one():
    pipe = default_pipeline()
    art = pipe(Article(text="Hundreds of miners marched through Potosi, Bolivia, on Monday over unpaid royalties. "
                            "Police fired tear gas to disperse them."))
    ev = next(e for e in art.events if e.type == "COERCE")
    assert [a.code for a in ev.source] == ["BOL"], ev.source


# -- limits of the new readings ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Residents gathered at the stadium in Kano on Sunday to watch the final.",
    "Villagers killed a leopard that had attacked livestock near Kisoro.",
])
def test_gatherings_and_kills_that_are_no_political_event(full, text):
    assert full(text) == [], full(text)


@pytest.mark.parametrize("text, type_", [
    ("Opposition leaders met in Nairobi on Monday to demand electoral reforms.", "CONSULT"),
    ("Police used batons to disperse protesters outside parliament in Yerevan.", "ASSAULT"),
    ("Police arrested an opposition leader in Harare on charges of fraud.", "COERCE"),
    ("Soldiers seized weapons and drugs from Al-Shabaab militants near Kismayo.", "COERCE"),
    ("Hamas handed over four hostages to the Red Cross.", "RETREAT"),
])
def test_readings_kept_where_the_new_rules_must_not_fire(full, text, type_):
    assert type_ in _types(full(text)), full(text)


@pytest.mark.parametrize("text", [
    "Around 40 women sat on the road leading to the quarry in Tarkwa to demand compensation.",
    "Thousands of farmers drove tractors into Madrid to demand lower diesel prices.",
    "Nurses in Bulawayo gathered at the hospital gate and handed over a petition demanding overtime pay.",
])
def test_crowds_gathering_with_a_demand_protest(full, text):
    assert "PROTEST" in _types(full(text)), full(text)


@pytest.mark.parametrize("text, type_", [
    ("Two girls were raped by militiamen near a water point outside Kalehe, a women's group said.", "ASSAULT"),
    ("Three people were killed when artillery shells hit an apartment block in Kramatorsk.", "ASSAULT"),
    ("The military authorities suspended the broadcasts of a private radio station in Niamey.", "COERCE"),
])
def test_more_acts_worded_in_passing(full, text, type_):
    assert type_ in _types(full(text)), full(text)


def test_people_who_had_gathered_to_denounce_and_were_arrested_protested(full):
    evs = full("Police in Conakry detained 12 activists who had gathered to denounce the postponement of elections.")
    assert {"PROTEST", "COERCE"} <= _types(evs), evs


def test_arrest_for_selling_fake_goods_is_ordinary_crime(full):
    assert full("Two traders were arrested in Kumasi for selling fake medicines.") == []


@pytest.mark.parametrize("text, type_", [
    ("Traders in Anantnag observed a complete shutdown on Monday against the killing of a youth.", "PROTEST"),
    ("Settlers uprooted dozens of olive trees belonging to Palestinian farmers near Salfit.", "COERCE"),
])
def test_shutdowns_observed_and_trees_uprooted(full, text, type_):
    assert type_ in _types(full(text)), full(text)


def test_smuggled_goods_intercepted_are_ordinary_crime(full):
    assert full("Border guards in Chirundu intercepted a lorry carrying smuggled cigarettes.") == []


def test_symbolic_protest_and_its_repression(full):
    evs = full("Police in Minsk detained 25 people who had laid flowers at a memorial to the victims of the purges.")
    assert {"PROTEST", "COERCE"} <= _types(evs), evs


def test_placards_held_are_a_protest(full):
    evs = full("A dozen women held placards outside the governor's office in Kandahar, calling for schools to reopen.")
    assert "PROTEST" in _types(evs) and "REQUEST" not in _types(evs), evs


def test_a_protest_addresses_whom_its_demand_calls_on():
    pipe = default_pipeline()
    art = pipe(Article(text="Several hundred fishermen marched in Dakar on Friday against foreign trawlers and "
                            "called on President Faye to revoke their licences."))
    ev = next(e for e in art.events if e.type == "PROTEST")
    assert [a.code for a in ev.target] == ["SEN"], ev.target


def test_relatives_gathering_to_demand_protest(full):
    evs = full("Families of missing migrants gathered outside the governorate in Sfax to demand news of their sons.")
    assert "PROTEST" in _types(evs) and "REQUEST" not in _types(evs), evs


def test_a_banned_rally_did_not_take_place(full):
    evs = full("Police in Bulawayo banned a rally of the opposition on Saturday.")
    assert _types(evs) == {"COERCE"}, evs


def test_authorities_closing_salons_coerce(full):
    assert "COERCE" in _types(full("The Taliban closed all beauty salons in Kabul on Monday."))


def test_arrests_of_thieves_are_ordinary_crime(full):
    assert full("Police in Kisumu arrested four suspected motorcycle thieves on Friday.") == []


@pytest.mark.parametrize("text", [
    "Youths pelted police with stones in Mathare on Tuesday.",
    "Hundreds of angry residents stormed a police post in Kasese after a detainee died, setting it on fire.",
    "Villagers in Sindhupalchok blocked work on a quarry on Monday, accusing the company of polluting the river.",
])
def test_more_crowd_acts(full, text):
    evs = full(text)
    assert "PROTEST" in _types(evs) and not _types(evs) & {"ASSAULT", "ACCUSE"}, evs


@pytest.mark.parametrize("text, force", [
    ("Police arrested 23 protesters in Colombo on Saturday who were demanding the resignation of the cabinet.",
     "COERCE"),
    ("Police shot dead four people in Nakuru on Tuesday as protesters stormed the county offices.", "ASSAULT"),
])
def test_protesters_named_in_the_repression(full, text, force):
    assert {"PROTEST", force} <= _types(full(text)), full(text)


def test_someone_returning_to_a_city_is_no_retreat(full):
    assert full("Crowds cheered in Zaria after the emir returned to the city.") == []


@pytest.mark.parametrize("text", [
    "Gunmen kidnapped a village head in Kogi State on Monday; he was released three days later.",
    "ISWAP fighters encircled and then stormed a military post near Marte on Friday.",
    "Al-Shabaab seized control of the town of Bulo Burte on Tuesday after government troops withdrew.",
    "The army regained control of the refinery in Baiji after days of fighting.",
    "Taliban officials flogged three men in public in Ghazni on Thursday.",
])
def test_the_violent_act_wins_in_a_chain(full, text):
    assert "ASSAULT" in _types(full(text)), full(text)


@pytest.mark.parametrize("text", [
    "Armed robbers shot dead a shopkeeper in Gweru during a night-time robbery, police said.",
    "A court in Mombasa found a man guilty of killing his landlord.",
])
def test_crime_and_trials_are_no_event(full, text):
    assert full(text) == [], full(text)


def test_a_protest_at_an_institution_targets_it():
    pipe = default_pipeline()
    art = pipe(Article(text="About 80 retired teachers sat outside the Ministry of Finance in Lusaka on Monday to "
                            "demand their pension arrears."))
    ev = next(e for e in art.events if e.type == "PROTEST")
    assert [(a.code, a.sector) for a in ev.target] == [("ZMB", "GOV")], ev.target


def test_an_event_label_before_a_colon_is_not_the_subject(full):
    evs = full("Violent demonstration: On 6 May 2024, rioters burned tyres and blocked roads in Warri over fuel prices.")
    assert ("PROTEST", "riot") in evs, evs


def test_troops_in_the_streets_are_no_protest(full):
    assert "PROTEST" not in _types(full("Soldiers took to the streets of Bamako on Tuesday after gunfire was heard."))

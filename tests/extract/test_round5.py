"""Round 5 of event coding: harm a party foretells (THREATEN), force a party says it could use, accidents,
disasters and rescues that look like acts, evacuation orders, defending an attack, renewed calls, and a
protest met by forces named only by a common noun.  Every sentence here is our own wording."""

from __future__ import annotations

import pytest

from fulcrum.model import Article


@pytest.fixture(scope="module")
def full(default_pipe):
    pipe = default_pipe

    def run(text: str) -> list[tuple[str, str]]:
        art = pipe(Article(text=text))
        return [(e.type, e.rule or "") for e in art.events]

    return run


def _types(events):
    return {t for t, _ in events}


@pytest.mark.parametrize("text", [
    "Tehran: the aggressors will be punished severely for the strike on the embassy",
    "Hezbollah says Israel will pay a heavy price for the assassination in Beirut",
    "The militia warned that foreign tankers in the strait would be treated as legitimate targets, its spokesman said.",
    "\"We will go into Jenin again and again,\" the defence minister told reporters on Sunday.",
    "Moscow said Russia could strike Western depots in Poland if the deliveries continued.",
])
def test_foretold_harm_and_own_force_are_threats(full, text):
    assert "THREATEN" in _types(full(text)), full(text)


@pytest.mark.parametrize("text", [
    "Analysts say the ruling party will be punished at the ballot box",
    "Ministers said the old bridge would be destroyed by the spring floods.",
    "The agency said Israel could strike Rafah within days.",  # a forecast by a third party: not a threat
    "\"We will enter talks with the opposition next month,\" the prime minister said.",
])
def test_forecasts_and_plans_of_others_are_not_threats(full, text):
    assert "THREATEN" not in _types(full(text)), full(text)


@pytest.mark.parametrize("text", [
    "A lorry carrying cement left the highway and fell into a gorge near Kohima on 3 May 2024, killing six.",
    "Nine pilgrims were crushed to death when worshippers surged towards a shrine gate in Mathura on Sunday.",
    "Water-bombing planes battled the flames above Marmaris through the night.",
    "Rescuers pulled twelve miners from a flooded shaft in Shanxi on Thursday.",
    "Mount Lewotobi erupted again on 8 November 2024, forcing the authorities to close Maumere airport.",
    "Peru declared a health emergency in nine regions on 20 February 2024 as dengue cases rose.",
    "Police in Nakuru arrested a man on suspicion of strangling his wife after an argument.",
])
def test_accidents_disasters_and_rescues_are_no_event(full, text):
    assert full(text) == [], full(text)


@pytest.mark.parametrize("text", [
    "Armed men set fire to a mosque in a village near Jos.",  # "set fire" is no hazard being fought
    "Rival factions exchanged fire in Zawiya overnight.",
    "Police in Nakuru arrested an opposition senator on charges of incitement.",
])
def test_acts_in_the_same_words_stay(full, text):
    assert full(text), full(text)


def test_evacuation_orders_are_requests(full):
    assert _types(full("Army orders residents of eastern Khan Younis to evacuate")) == {"REQUEST"}
    assert _types(full("Israel orders mass evacuation of eastern Rafah")) == {"REQUEST"}


def test_defending_an_attack_rejects_criticism(full):
    assert "REJECT" in _types(full("The army defends its air strike on a refugee camp"))


@pytest.mark.parametrize("text, type_", [
    ("WHO chief renews appeal for a humanitarian pause", "REQUEST"),
    ("Egypt reiterates its rejection of any displacement into Sinai", "REJECT"),
])
def test_renewed_calls_and_rejections(full, text, type_):
    assert type_ in _types(full(text)), full(text)


def test_protest_met_by_police_named_by_a_common_noun(full):
    events = full("Belarusian police detain mourners at a vigil in Minsk")
    assert {"COERCE", "PROTEST"} <= _types(events), events
    events = full("State troopers arrest students at a campus protest in Texas")
    assert {"COERCE", "PROTEST"} <= _types(events), events


@pytest.mark.parametrize("text", [
    "About 900 clerks formed a human chain outside the treasury in Accra on Monday, demanding back pay.",
    "Dock workers halted all loading at the port of Antwerp on Tuesday in a 24-hour strike over pensions.",
    "Traders in the old market of Sousse closed their shops on Wednesday to denounce a new municipal tax.",
])
def test_protests_without_a_protest_verb(full, text):
    assert "PROTEST" in _types(full(text)), full(text)


def test_a_union_suspending_talks_is_no_strike(full):
    assert "PROTEST" not in _types(full("The dockers' union suspended talks with the port authority on Monday."))


def test_deadly_raids_are_assaults_and_pulling_troops_out_is_a_withdrawal(full):
    assert _types(full("Deadly army raids on two villages near Gao")) == {"ASSAULT"}
    assert "RETREAT" in _types(full("Russia moving its marines out of Tartus"))


def test_a_call_made_at_a_protest_is_both(full):
    events = full("Thousands at Sunday rally in Madrid call for an arms embargo on Israel")
    assert {"PROTEST", "REQUEST"} <= _types(events), events


@pytest.mark.parametrize("text, type_", [
    ("The Arab League threw its weight behind Somalia's government on Sunday, a league spokesman said.", "SUPPORT"),
    ("Chile lent its support on Friday to Bolivia's bid for a seat on the council, the ministry said.", "SUPPORT"),
    ("Peru and Chile settled their maritime dispute on Monday, the two presidents announced.", "AGREE"),
    ("Sudan's army and the RSF committed on Sunday to a ceasefire, Saudi mediators said.", "AGREE"),
    ("The junta waved away UN allegations of abuses in Rakhine on Thursday.", "REJECT"),
    ("Peru took Chile to the International Court of Justice on Monday over the sea border.", "ACCUSE"),
    ("Kenya's coast guard impounded two Somali fishing boats on Friday.", "COERCE"),
    ("The council clamped an arms embargo on South Sudan on Tuesday, diplomats said.", "SANCTION"),
    ("Spain handed over two patrol boats to Senegal's navy on Monday.", "AID"),
    ("Turkish police tipped off their German counterparts about the suspects, officials said.", "COOPERATE"),
    ("Gunmen snatched two Italian nuns from a mission in Niger on Sunday.", "ASSAULT"),
    ("Shopkeepers in Lahore shuttered their stores on Monday over a new sales tax.", "PROTEST"),
    ("Hezbollah said its fighters would hit targets in Haifa if Israel struck Beirut.", "THREATEN"),
])
def test_wire_idioms(full, text, type_):
    assert type_ in _types(full(text)), full(text)


def test_an_act_in_a_condition_is_no_event(full):
    events = full("Officials said aid would resume if the crossing reopened.")
    assert "RETREAT" not in _types(events), events


def test_crowd_control_that_wounds_stays_coercion_and_that_kills_is_assault(full):
    wounded = _types(full("Riot police fired rubber bullets and tear gas at marchers in Lima on Friday, wounding six."))
    assert "COERCE" in wounded and "ASSAULT" not in wounded
    assert "ASSAULT" in _types(full("Police fired tear gas and live rounds at marchers in Lima on Friday, killing two."))


def test_rescuers_protesting_still_protest(full):
    assert "PROTEST" in _types(full("Paramedics protested outside the health ministry in Lagos on Monday."))

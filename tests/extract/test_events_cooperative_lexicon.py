"""Senses of the cooperative and de-escalating types (and SANCTION, MOBILIZE, REQUEST, REJECT) found missing on
short texts: visits and hosting, replies in negotiations, ceding and pausing after pressure, leaving blocs,
designations and revoked permits, contingents arriving.  Every sentence here is our own wording (never corpus
or gold text)."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("text, type_", [
    # CONSULT: hosting a leader, a head of government arriving, replies and texts in a negotiation, calls
    ("Erdogan received Prime Minister Keir Starmer in Ankara on Tuesday.", "CONSULT"),
    ("The foreign minister arrived in Amman on Sunday for two days of meetings.", "CONSULT"),
    ("The rebels submitted their response to the Kenyan peace proposal on Friday.", "CONSULT"),
    ("The M23 delivered its reply to the Angolan proposal through Luanda.", "CONSULT"),
    ("Norway and Switzerland tabled a revised text on prisoner sequencing at the Oslo talks.", "CONSULT"),
    ("The Jordanian foreign minister called his Turkish counterpart on Monday.", "CONSULT"),
    ("Macron held a call with Zelensky on Monday.", "CONSULT"),
    # AGREE
    ("The Colombian cabinet signed off on the demobilisation framework on Thursday.", "AGREE"),
    # CONCEDE: ceding, dropping an objection, pausing or rolling back a policy, postponing a takeover
    ("Georgia ceded two border hamlets to Armenia under the demarcation accord.", "CONCEDE"),
    ("Hungary dropped its veto on the Ukraine financing package.", "CONCEDE"),
    ("The Peruvian government paused its mining reform after weeks of road blockades.", "CONCEDE"),
    ("Ghana rolled back the new electricity levy after a union strike threat.", "CONCEDE"),
    ("Serbia postponed the takeover of the northern registry offices by its police.", "CONCEDE"),
    ("Azerbaijan reopened the Lachin crossing after US pressure, officials said.", "CONCEDE"),
    # AID
    ("The Red Cross unloaded 40 tonnes of medicine at Port Sudan on Monday.", "AID"),
    ("WFP flew food rations into Goma on Thursday.", "AID"),
    ("Japan gave 30 patrol vehicles to the Philippine coast guard.", "AID"),
    ("A $2 billion Emirati deposit has been transferred to Egypt's central bank.", "AID"),
    # RETREAT
    ("The last French soldiers left Niamey on Friday.", "RETREAT"),
    ("The remaining Indian peacekeepers leave Goma after the mandate expired.", "RETREAT"),
    ("Nearly 900 inmates walked free from prisons across Belarus under a pardon.", "RETREAT"),
    ("Fighting between the army and the RSF halted at dawn as the truce began.", "RETREAT"),
    # REQUEST and REJECT
    ("The opposition insists on a caretaker government before any vote.", "REQUEST"),
    ("Turkey says no to a Swedish bid for NATO membership.", "REJECT"),
    ("The Security Council failed to adopt the Swiss draft on Sudan.", "REJECT"),
    # SANCTION
    ("Burundi and Rwanda quit the regional bloc in protest.", "SANCTION"),
    ("Peru withdrew from the Andean Community after the dispute.", "SANCTION"),
    ("Canada designated the Wagner Group a terrorist organisation.", "SANCTION"),
    ("Azerbaijan revoked the accreditation of two French journalists.", "SANCTION"),
    ("Mali's junta ordered the Swedish ambassador to leave the country within 72 hours.", "SANCTION"),
    ("Senegal withdrew its military attaches from Paris.", "SANCTION"),
    # MOBILIZE
    ("A Chadian army contingent arrived in Bangui on Wednesday.", "MOBILIZE"),
    ("Militia reinforcements poured into the Kivu highlands overnight.", "MOBILIZE"),
    ("Taiwan lowered the conscription age to 18.", "MOBILIZE"),
    ("Thousands of reservists reported to their units on Sunday, the army said.", "MOBILIZE"),
    ("Taiwan scrambles jets as Chinese aircraft approach.", "MOBILIZE"),
    # further verbs of the same types
    ("Negotiators hammered out a deal on prisoner exchanges in Doha.", "AGREE"),
    ("India and France forged a defence partnership.", "AGREE"),
    ("The US sided with Israel at the Security Council.", "SUPPORT"),
    ("Ghana backtracked on the new electricity levy.", "CONCEDE"),
    ("The government distributed food to 20,000 families in Tigray.", "AID"),
    ("Troops vacated three hilltop positions near the border.", "RETREAT"),
    ("The militia handed 12 detainees to the ICRC in Bunia.", "RETREAT"),
    ("Hamas negotiators walked away from the talks in Cairo.", "REJECT"),
    ("Israel withholds Palestinian tax revenues over the UN vote.", "SANCTION"),
    ("Canada imposed tariffs on Chinese electric vehicles.", "SANCTION"),
    ("The senate voted to strike out the disputed land clauses.", "CONCEDE"),
    ("The ceasefire in Tigray was extended by a week, the AU said.", "AGREE"),
    ("Honduras cancelled the mining concession after weeks of protests.", "CONCEDE"),
    ("Spain dispatched rescue teams to Morocco.", "AID"),
    ("Venezuela sends doctors to Bolivia", "AID"),
    ("The Houthis unveiled a new naval drone at a parade in Sanaa.", "MOBILIZE"),
    ("Wagner brought in fighters from Libya.", "MOBILIZE"),
    ("Slovakia blocks EU sanctions package on Belarus", "REJECT"),
    ("Russia pulled out of the arms control treaty in 2023.", "REJECT"),
    ("Argentina quits the UN Human Rights Council", "SANCTION"),
    ("A Houthi delegation arrived in Muscat on Monday.", "CONSULT"),
    ("Poland stands by Ukraine", "SUPPORT"),
    ("ADF fighters lay down arms in Beni", "RETREAT"),
    ("The ministry agreed to raise nurses' allowances after weeks of protests.", "CONCEDE"),
    ("The kidnappers released four aid workers near Kidal on Sunday.", "RETREAT"),
    ("Hezbollah promises revenge for commander's killing", "THREATEN"),
    ("Sri Lanka seeks IMF bailout", "REQUEST"),
    ("Ukraine applied for EU membership in 2022.", "REQUEST"),
    ("The junta's negotiators walked away from the talks in Addis Ababa.", "REJECT"),
    ("The EU is weighing new sanctions on Belarusian officials.", "THREATEN"),
])
def test_cooperative_lexicon_sense(full, text, type_):
    evs = full(text)
    assert type_ in _types(evs), evs


@pytest.mark.parametrize("text, wrong", [
    ("A winter storm flooded tents in the Idlib camps overnight.", "AID"),
    ("A court in Lusaka dismissed a civil suit against the mining firm.", "REJECT"),
    ("The minister insisted on Friday that the talks were going well.", "REQUEST"),
    ("The court postponed its ruling in the border case.", "CONCEDE"),
    ("Kenyan troops withdrew from the hospital compound after the raid.", "SANCTION"),
    ("Russian forces hammered Kharkiv overnight.", "AGREE"),
    ("Uganda hosts 1.5 million refugees.", "CONSULT"),
    ("Israel released 30 detainees amid protests in Tel Aviv.", "CONCEDE"),
    ("Reuters reported that the army had shelled the town.", "MOBILIZE"),
    ("Israeli jets flew over the hospital in Khan Younis.", "AID"),
    ("Erdogan offered to mediate following the invasion of the border villages.", "THREATEN"),
    ("The minister travelled to his home village for the holidays.", "CONSULT"),
    ("Kenya's president toured flood-hit areas on Monday.", "CONSULT"),
    ("Students walked away from the exam hall.", "REJECT"),
])
def test_cooperative_lexicon_precision(full, text, wrong):
    evs = full(text)
    assert wrong not in _types(evs), evs


@pytest.mark.parametrize("text", [
    "Poll: most Poles back sending more tanks to Ukraine",
    "Graphic: Sudan's truces since 2023",
    "The ceasefire between the army and the SPLA-N expired at midnight.",
])
def test_no_cooperative_event(full, text):
    evs = full(text)
    assert not _types(evs) & {"SUPPORT", "RETREAT", "AID", "CONSULT"}, evs

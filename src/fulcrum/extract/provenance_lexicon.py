"""Word lists behind attribution and modality (``shared/eval/PROVENANCE.md``), written by us.

Everything here is a lemma (lower case) unless the name says otherwise.  The lists describe *kinds* of
words -- verbs of saying, of believing, of intending; nouns naming an official role, a lay person, a
document, a news medium -- so that the taggers can reason about any sentence, not about sentences seen.
"""

from __future__ import annotations

#: Verbs by which a source vouches for what it says happened.
SAY_VERBS: frozenset[str] = frozenset({
    "say", "tell", "report", "announce", "state", "add", "claim", "confirm", "accuse", "insist", "note",
    "write", "declare", "disclose", "reveal", "indicate", "acknowledge", "admit", "explain", "warn", "quote",
    "describe", "publish", "broadcast", "tweet", "post", "inform", "brief", "testify", "argue", "assert",
    "maintain", "stress", "emphasize", "emphasise", "allege", "charge", "contend", "reiterate", "repeat",
    "recount", "mention", "relay", "comment", "respond", "reply", "counter", "cite", "show",
    "specify", "verify", "affirm", "assure", "signal", "caution", "observe", "remark", "record", "tally", "conclude",
    "document", "register", "count", "put", "give", "list", "hint",
})
#: Verbs of the source's belief or assessment rather than its knowledge.
BELIEVE_VERBS: frozenset[str] = frozenset({
    "believe", "think", "assess", "suspect", "fear", "estimate", "reckon", "suppose", "presume",
    "understand", "guess", "speculate", "surmise", "calculate", "doubt", "judge", "feel", "suggest",
})
#: Verbs that, as raising verbs over the event, hedge it without naming a believer.
SEEM_VERBS: frozenset[str] = frozenset({"appear", "seem"})
DENY_VERBS: frozenset[str] = frozenset({"deny", "refute", "dispute", "disavow"})
#: Verbs that reject a claim when their object is a claim noun ("rejected reports that ...").
REJECT_CLAIM_VERBS: frozenset[str] = frozenset({"reject", "dismiss", "deny", "refute", "dispute"})
EXPECT_VERBS: frozenset[str] = frozenset({"expect", "anticipate", "forecast", "predict", "project", "schedule"})
#: Verbs of intent or decision: the act under them is planned.
PLAN_VERBS: frozenset[str] = frozenset({
    "plan", "intend", "decide", "approve", "agree", "vow", "pledge", "promise", "resolve", "aim", "prepare",
    "determine", "commit", "authorize", "authorise", "order", "seek", "want", "offer", "undertake", "opt",
    "choose", "move", "mean", "vote",
})
#: Verbs of intent that typify an event when they are its own trigger ("approved continued operations").
PLAN_TRIGGERS: frozenset[str] = frozenset({"approve", "authorize", "authorise", "decide", "plan", "intend"})
#: Objects that make an approval a decision to act later ("approved continued operations"), unlike a law
#: or a deal, whose approval is itself the act.
PLANNED_ACT_NOUNS: frozenset[str] = frozenset({
    "operation", "offensive", "deployment", "strike", "attack", "incursion", "invasion", "expansion",
    "mobilization", "mobilisation", "plan", "escalation", "dispatch", "withdrawal", "release", "transfer",
    "sale", "construction", "assault", "raid", "campaign", "evacuation", "call-up", "callup", "shipment",
})
#: Modifiers that make an approved act lie ahead ("continued", "further").
PLANNED_ACT_MODIFIERS: frozenset[str] = frozenset({"continued", "further", "expanded", "new", "additional",
                                                   "renewed", "wider", "broader", "planned", "proposed"})
#: Adjectives of readiness taking an infinitive ("willing to withdraw").
PLAN_ADJECTIVES: frozenset[str] = frozenset({"willing", "ready", "prepared", "determined", "eager", "keen"})
#: Adjectives and participles of forecast taking an infinitive ("likely to", "set to", "due to").
EXPECT_ADJECTIVES: frozenset[str] = frozenset({"likely", "unlikely", "set", "due", "poised", "scheduled",
                                               "slated", "expected", "bound", "about", "anticipated",
                                               "poise", "slate"})  # lemmas the tagger gives "poised", "slated"
#: Verbs that negate the act under them ("failed to reach", "refused to release").
NEGATING_VERBS: frozenset[str] = frozenset({"fail", "refuse", "decline", "neglect", "avoid"})
#: Adverbs and adjectives that hedge (believed) the word they modify.
BELIEF_ADVERBS: frozenset[str] = frozenset({
    "apparently", "possibly", "probably", "perhaps", "presumably", "seemingly", "purportedly",
    "supposedly", "ostensibly", "likely", "maybe", "suspectedly",
})
BELIEF_ADJECTIVES: frozenset[str] = frozenset({"alleged", "suspected", "apparent", "possible", "probable",
                                               "purported", "presumed", "likely", "suspect"})
#: Adverbs and adjectives that attribute to an unnamed report ("reportedly", "the reported strike").
REPORT_ADVERBS: dict[str, str] = {"reportedly": "report", "reported": "report", "allegedly": "allege"}
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor", "nowhere"})
#: Subordinators that make the act conditional on another ("unless", "if attacked").
CONDITIONAL_MARKS: frozenset[str] = frozenset({"if", "unless", "provided", "providing", "lest"})
#: ... and those that do only after "only" ("only when conditions permit").
ONLY_MARKS: frozenset[str] = frozenset({"when", "after", "once", "if", "until"})
#: Subordinators of time or cause: a saying verb in such a clause does not govern the main clause.
TEMPORAL_MARKS: frozenset[str] = frozenset({"while", "when", "after", "before", "as", "because", "since",
                                            "although", "though", "until", "whereas", "whilst", "once"})
#: Modal auxiliaries.
PLAN_MODALS: frozenset[str] = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_MODALS: frozenset[str] = frozenset({"would", "could", "might", "'d"})
BELIEF_MODALS: frozenset[str] = frozenset({"may"})
#: Modals of obligation: they demand rather than hedge, unless over a perfect ("must have fled").
DEONTIC_MODALS: frozenset[str] = frozenset({"must", "should", "ought"})
#: Words of a future time ("this week", "next month", "tomorrow").
FUTURE_TIME_WORDS: frozenset[str] = frozenset({"next", "tomorrow", "coming", "upcoming", "later"})

#: Nouns that report or assess, mapped to the lemma of their verb ("the claim that ..." -> claim).
CLAIM_NOUNS: dict[str, str] = {
    "statement": "state", "report": "report", "claim": "claim", "announcement": "announce",
    "assessment": "assess", "estimate": "estimate", "allegation": "allege", "accusation": "accuse",
    "denial": "deny", "belief": "believe", "fear": "fear", "suspicion": "suspect", "assertion": "assert",
    "admission": "admit", "confirmation": "confirm", "word": "say", "account": "report", "indication": "indicate",
    "rumour": "report", "rumor": "report", "news": "report",
}
#: Nouns of intent governing an act ("the decision to broaden", "plans to expand").
PLAN_NOUNS: frozenset[str] = frozenset({"plan", "decision", "intention", "intent", "pledge", "promise",
                                        "commitment", "order", "resolve", "vow", "readiness", "willingness"})
EXPECT_NOUNS: frozenset[str] = frozenset({"expectation", "prospect", "likelihood"})
#: Nouns that refer back to a report ("Axios reported this assessment").
ANAPHORIC_NOUNS: frozenset[str] = frozenset({
    "assessment", "report", "claim", "account", "information", "news", "finding", "story", "detail",
    "figure", "estimate", "plan", "decision", "development", "move", "deal", "details", "findings",
})

#: Nouns that are documents: they vouch as their issuer does ("a statement issued by the ministry").
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "statement", "report", "release", "communique", "communiqué", "estimate", "figure", "tally", "data",
    "document", "letter", "survey", "study", "count", "record", "assessment", "analysis", "bulletin",
    "memo", "cable", "transcript", "briefing", "note", "post", "video", "footage", "filing", "dossier",
})
#: Nouns that always withhold who speaks.
SOURCE_NOUNS: frozenset[str] = frozenset({"source", "insider", "informant", "whistleblower"})
#: Unnamed lay people: they never speak for an institution.
LAY_NOUNS: frozenset[str] = frozenset({
    "resident", "witness", "eyewitness", "people", "person", "survivor", "villager", "relative", "neighbor",
    "neighbour", "activist", "journalist", "reporter", "correspondent", "doctor", "medic", "nurse", "analyst",
    "observer", "expert", "passenger", "refugee", "farmer", "local", "citizen", "civilian", "student", "worker",
    "man", "woman", "family", "friend", "colleague", "parent", "mother", "father", "son", "daughter", "child",
    "hostage", "prisoner", "detainee", "lawyer", "attorney", "shopkeeper", "driver", "fisherman", "pilgrim", "tourist", "inhabitant", "bystander", "victim",
})
#: Nouns of an office held by one or more people; official when tied to an institution or a country.
ROLE_NOUNS: frozenset[str] = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "leader", "commander", "officer",
    "negotiator", "diplomat", "envoy", "ambassador", "aide", "adviser", "advisor", "representative", "delegate",
    "mediator", "general", "chief", "head", "director", "secretary", "president", "premier", "governor",
    "mayor", "lawmaker", "legislator", "senator", "deputy", "member", "administrator", "coordinator",
    "inspector", "prosecutor", "judge", "investigator", "staffer", "official-in-charge", "functionary",
    "militant", "fighter", "soldier", "editor", "policeman", "colonel", "captain", "major", "lieutenant", "sergeant",
    "chairman", "chairwoman", "chair", "counsellor", "counselor", "attache", "consul", "emissary", "monitor",
    "authority", "bureaucrat", "cleric", "rebel", "guerrilla", "guerilla", "insurgent", "mp",
})
#: Nouns of institutions speaking as such ("the ministry", "police", "the military").
INSTITUTION_NOUNS: frozenset[str] = frozenset({
    "government", "ministry", "military", "army", "navy", "police", "court", "embassy", "agency", "council",
    "committee", "authorities", "administration", "cabinet", "parliament", "office", "department",
    "commission", "force", "forces", "command", "party", "movement", "group", "organization", "organisation",
    "union", "company", "presidency", "palace", "house", "kremlin", "pentagon", "mission", "delegation",
    "junta", "regime", "service", "services", "directorate", "tribunal", "bureau", "secretariat", "consulate",
    "legislature", "assembly", "congress", "senate", "prosecution", "prosecutor's", "guard",
    "militia", "brigade", "brigades", "wing", "faction", "coalition", "alliance", "front", "federation",
    "association", "institute", "foundation", "charity", "hospital", "ngo", "watchdog", "program", "programme",
    "fund", "bank", "corps", "unit", "team", "board", "authority", "state", "nation", "country",
    "spokesman's", "headquarters", "station", "side", "camp", "establishment", "leadership", "network",
    "body", "panel", "staff", "gendarmerie",
})
#: Heads of a news medium ("a state-owned newspaper", "the official news agency").
MEDIA_NOUNS: frozenset[str] = frozenset({
    "newspaper", "paper", "daily", "weekly", "television", "tv", "radio", "broadcaster", "channel", "magazine",
    "outlet", "website", "tabloid", "publication", "newsletter", "journal", "newsweekly", "gazette", "press",
    "media", "medium", "newsroom",
})
#: Generic heads that name a news medium only with a media modifier ("news agency", "radio station").
MEDIA_GENERIC_NOUNS: frozenset[str] = frozenset({"agency", "service", "station", "network", "site", "portal",
                                                 "outlet", "channel", "organization", "organisation"})
#: Words that mark a media noun as a news medium even when the head is generic ("news agency").
MEDIA_MODIFIERS: frozenset[str] = frozenset({"news", "press", "state-run", "state-owned", "television", "radio",
                                             "tv", "wire", "newspaper"})
#: Words in an outlet's proper name that show it is a news medium ("The Jerusalem Post").
MEDIA_NAME_WORDS: frozenset[str] = frozenset({
    "Times", "Post", "Press", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "News", "Radio",
    "Television", "TV", "Daily", "Chronicle", "Mail", "Mirror", "Courier", "Examiner", "Inquirer", "Globe",
    "Broadcasting", "Channel", "Pravda", "Izvestia",
})
#: News organisations, as written in text (matched case-sensitively on token sequences).
OUTLETS: tuple[str, ...] = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Agence France Presse", "Axios", "CNN",
    "BBC", "Al Jazeera", "Al-Jazeera", "Al Arabiya", "Al-Arabiya", "Haaretz", "Ha'aretz", "Times of Israel",
    "Jerusalem Post", "Ynet", "Yedioth Ahronoth", "Yediot Aharonot", "Maariv", "Israel Hayom", "Kan", "Kan 11",
    "Channel 12", "Channel 13", "Channel 14", "N12", "Army Radio", "Israel Radio", "i24NEWS", "i24 News",
    "Walla", "New York Times", "Washington Post", "Wall Street Journal", "WSJ", "Financial Times",
    "The Guardian", "The Times", "Daily Telegraph", "The Independent", "Sky News", "NBC", "NBC News", "ABC",
    "ABC News", "CBS", "CBS News", "Fox News", "NPR", "Bloomberg", "Politico", "Economist", "Le Monde",
    "Der Spiegel", "Spiegel", "Xinhua", "TASS", "Itar-Tass", "ITAR-TASS", "RIA Novosti", "RIA", "Interfax",
    "Anadolu", "Anadolu Agency", "IRNA", "Tasnim", "Fars", "Mehr", "ISNA", "Press TV", "SANA", "WAFA",
    "Ma'an", "Maan", "Al-Manar", "Al Manar", "Al Mayadeen", "Al-Mayadeen", "Al-Akhbar", "Asharq Al-Awsat",
    "Al-Ahram", "Al Ahram", "MENA", "Petra", "KUNA", "QNA", "WAM", "SPA", "Saudi Press Agency", "Kyodo",
    "Yonhap", "KCNA", "NHK", "ANSA", "EFE", "DPA", "dpa", "Deutsche Welle", "DW", "France 24", "RFI",
    "Voice of America", "VOA", "Radio Free Europe", "RFE/RL", "Ukrinform", "UNIAN", "Kyiv Independent",
    "Ukrainska Pravda", "Meduza", "Novaya Gazeta", "Kommersant", "Izvestia", "RT", "Sputnik", "CTK", "BTA",
    "PAP", "MTI", "Tanjug", "HINA", "Canadian Press", "Press Trust of India", "PTI", "Dawn", "APP",
    "Al-Hayat", "Al Hayat", "Al-Quds", "Al-Quds Al-Arabi", "Hurriyet", "Daily Sabah", "Global Times",
    "People's Daily", "China Daily", "South China Morning Post", "Jiji", "Asahi", "Yomiuri", "The Hindu",
    "Times of India", "Daily Star", "The National", "Middle East Eye", "Mada Masr", "Al-Araby Al-Jadeed",
    "The New Arab", "Channel 4", "ITV", "An-Nahar", "Naharnet", "NNA", "Al-Masirah", "Al Masirah", "Saba",
    "Shehab", "Quds News Network", "Palestine TV", "Al-Aqsa TV", "Al-Aqsa", "Anadolu Ajansi", "Ynetnews",
    "The Atlantic", "New Yorker", "Vox", "Newsweek", "USA Today", "Los Angeles Times", "LA Times",
    "Chicago Tribune", "Boston Globe", "Miami Herald", "Tagesschau", "ZDF", "ARD", "Corriere della Sera",
    "La Repubblica", "El Pais", "El País", "Le Figaro", "Liberation", "Libération", "L'Orient-Le Jour",
    "Agence de presse", "Tanjug", "Prensa Latina", "Notimex", "Bernama", "Antara", "Xinhua News Agency",
    "Al-Monitor", "Al Monitor", "Semafor", "The Hill", "Punchbowl News", "CNBC", "Euronews", "The Telegraph",
    "The Economist", "Sky News Arabia", "TOLOnews", "Tolo News", "Sudan Tribune", "Addis Standard",
    "Premium Times", "Radio Farda", "Iran International", "Kurdistan 24", "Rudaw", "Shafaq News",
    "Tehran Times", "Kayhan", "Al-Sharq Al-Awsat", "Enab Baladi", "Hawar News", "ANHA", "Kan News",
    "Radio Okapi", "Daily Maverick", "News24", "Caixin", "Nikkei", "Kyodo News", "Arab News", "Gulf News",
    "Khaleej Times", "Jordan Times", "Hespress", "Le Parisien", "Die Welt", "Bild", "Süddeutsche Zeitung",
    "Frankfurter Allgemeine", "NRC", "Yle", "SVT", "NRK", "Rzeczpospolita", "Gazeta Wyborcza", "Kathimerini",
)
#: Titles before a person's name ("President", "Gen.").
PERSON_TITLES: frozenset[str] = frozenset({
    "president", "minister", "prime", "general", "gen.", "gen", "col.", "colonel", "lt.", "maj.", "major",
    "captain", "capt.", "sheikh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "senator",
    "rep.", "king", "queen", "prince", "princess", "emir", "sultan", "ayatollah", "imam", "rabbi", "pope",
    "judge", "justice", "chancellor", "secretary", "secretary-general", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "commander", "chief", "leader", "governor", "mayor", "negotiator",
    "foreign", "defence", "defense", "lieutenant", "admiral", "brig.", "brigadier", "premier", "vice",
    "deputy", "officer", "official", "director", "head", "adviser", "advisor", "lawmaker", "mp",
})
#: Words in a claimant phrase that show its identity is withheld.
ANONYMITY_WORDS: frozenset[str] = frozenset({"anonymity", "anonymous", "unnamed", "unidentified", "familiar",
                                              "authorized", "authorised", "undisclosed"})
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "both": 2, "dozen": 12, "a dozen": 12,
}

#: Verbs that are themselves the coded act for a type: above such an event they are not hedges.
EVENT_VERB_TYPES: dict[str, frozenset[str]] = {
    "agree": frozenset({"AGREE"}), "offer": frozenset({"AGREE"}), "promise": frozenset({"AGREE"}),
    "pledge": frozenset({"AGREE", "AID", "SUPPORT"}), "vow": frozenset({"AGREE", "THREATEN"}),
    "commit": frozenset({"AGREE"}), "accept": frozenset({"AGREE", "CONCEDE"}),
    "threaten": frozenset({"THREATEN"}), "warn": frozenset({"THREATEN"}),
    "accuse": frozenset({"ACCUSE"}), "charge": frozenset({"ACCUSE"}), "allege": frozenset({"ACCUSE"}),
    "blame": frozenset({"ACCUSE"}), "condemn": frozenset({"ACCUSE"}), "criticize": frozenset({"ACCUSE"}),
    "refuse": frozenset({"REJECT"}), "reject": frozenset({"REJECT"}), "decline": frozenset({"REJECT"}),
    "deny": frozenset({"REJECT"}), "fail": frozenset({"REJECT"}), "dismiss": frozenset({"REJECT"}),
    "order": frozenset({"REQUEST", "COERCE", "MOBILIZE"}), "demand": frozenset({"REQUEST"}),
    "urge": frozenset({"REQUEST"}), "ask": frozenset({"REQUEST"}), "call": frozenset({"REQUEST"}),
    "approve": frozenset({"AGREE"}), "decide": frozenset(), "vote": frozenset({"AGREE", "REJECT"}),
    "announce": frozenset(), "seek": frozenset({"REQUEST"}),
}

#: Genre and format labels that open a headline before a colon ("Explainer: ..."): not a source.
HEADLINE_LABELS: frozenset[str] = frozenset({
    "explainer", "analysis", "opinion", "comment", "commentary", "editorial", "live", "watch", "video", "videos",
    "photos", "pictures", "gallery", "exclusive", "breaking", "update", "updates", "factbox", "timeline",
    "interview", "review", "q&a", "faq", "podcast", "profile", "obituary", "fact", "check", "insight", "view",
    "letters", "letter", "recap", "briefing", "newsletter", "poll", "quiz",
})
#: Collective media of a state ("state media", "state television"): they speak for its government.
STATE_MEDIA_HEADS: frozenset[str] = frozenset({"media", "medium", "television", "tv", "radio", "broadcaster"})
STATE_MEDIA_MODIFIERS: frozenset[str] = frozenset({"state", "state-run", "government-run", "state-controlled"})
#: Participles of forecast when "to" + act is misparsed as a prepositional phrase ("is set to host talks").
FORECAST_PARTICIPLES: frozenset[str] = frozenset({"set", "poised", "poise", "scheduled", "schedule", "slated",
                                                  "slate", "expected", "expect"})
#: Verbs of threat or vow whose finite clause is the act threatened ("warned that it would strike").
WARNING_VERBS: frozenset[str] = frozenset({"warn", "threaten", "vow", "pledge", "promise", "swear"})
#: Cited things that are evidence, not sources: "citing preliminary data" leaves the speaker as claimant.
EVIDENCE_NOUNS: frozenset[str] = frozenset({"data", "datum", "information", "imagery", "image", "images", "figure",
                                            "figures", "evidence", "record", "records", "footage", "photo",
                                            "photograph", "photographs", "statistics", "numbers", "results"})
#: Members of an armed group: in the definite plural they are the group speaking ("the rebels said").
GROUP_MEMBER_NOUNS: frozenset[str] = frozenset({"rebel", "insurgent", "guerrilla", "guerilla", "militant",
                                                "separatist", "jihadist", "fighter", "militiaman", "mutineer"})
#: Verbs of fear or belief over a "will" clause: what they govern is a forecast ("it is feared that ...").
FEAR_VERBS: frozenset[str] = frozenset({"fear", "believe", "think", "suspect", "worry", "assess", "estimate"})
#: Roles whose holder speaks for the body named after them ("a spokesman for the group").
SPOKESPERSON_NOUNS: frozenset[str] = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative",
                                                "envoy", "mouthpiece"})

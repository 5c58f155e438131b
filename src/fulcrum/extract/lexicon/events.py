"""Event lexicon: verbs and nouns that type an event, with object-dependent and particle-dependent senses.

Format of :data:`_VERBS` lines: ``lemma[,lemma]: SENSE ; key=SENSE ; ...`` where SENSE is ``TYPE`` or
``TYPE/mode`` or ``-`` (no event), and a key is ``+word`` (a particle or preposition child: "call for"),
``@CLASS`` (the object's class, see :data:`OBJECT_CLASSES`) or ``^SECTOR`` (the subject's sector).
The first key that applies wins; the bare sense is the default.  Keys are tried in the written order.
A key ``%SECTOR`` tests the sector of the actors named in the object ("receives Orban": GOV).
A key ``~CLASS`` tests the subject's class, ``>CLASS`` the object of a preposition on the verb or on its
object ("put on alert", "hit with sanctions", "took control of a factory").
"""

from __future__ import annotations

OBJECT_CLASSES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "MILOP": "operation offensive assault attack strike airstrike bombing bombardment shelling invasion "
             "incursion raid campaign war fighting hostility fire action op push onslaught battle",
    "TRUCE": "truce ceasefire cease-fire armistice pause lull calm cessation",
    "DEAL": "bargain deal agreement accord pact treaty plan proposal settlement framework roadmap resolution initiative "
            "offer memorandum arrangement compromise formula protocol package terms",
    "AID": "tranche installment instalment disbursement bailout aid assistance relief food medicine supply fuel water grant loan money fund funding shipment "
           "convoy truck vaccine shelter tent help good equipment medicine credit donation hospital meal "
           "parcel ration kit wheat flour rice grain maize corn cereal vaccine blanket medication drug "
           "foodstuff provision humanitarian oxygen generator kitchen euro dollar yen franc rupee riyal dinar "
           "dirham yuan rouble ruble shekel lira resupply deposit bailout",
    "WEAPON": "weapon arm missile rocket munition ammunition shell bomb drone mortar grenade bullet round gun "
              "rifle gas projectile salvo barrage phosphorus launcher",
    "TROOPS": "troop force soldier army unit battalion brigade warship carrier jet reservist reinforcement "
              "personnel division fleet tank aircraft marine fighter warplane bomber helicopter gunship frigate "
              "destroyer submarine commando paratrooper boat contingent",
    "ENVOYS": "ambassador envoy diplomat consul attache inspector monitor observer peacekeeper mission staff worker "
              "agency representative delegation employee team",
    "PEOPLE": "engineer tourist nun pilot sailor crew hostage prisoner detainee captive people civilian journalist activist national citizen suspect intruder infiltrator "
              "member leader person child woman man worker refugee student protester demonstrator official "
              "opponent dissident captive soldier militant resident family minister politician candidate "
              "reporter body remains striker picketer employee critic doctor nurse medic paramedic farmer "
              "fisherman teacher lawyer priest imam worshipper pilgrim migrant trader shepherd herder driver "
              "boy girl teenager youth villager",
    "RESTRICT": "sanction embargo ban restriction curfew blockade siege closure measure emergency law tariff "
                "lockdown limit control rule blackout black-out shutdown cutoff",
    "ECONSANCTION": "sanction embargo blockade siege freeze tariff",
    "RELATIONS": "relation tie contact link embassy",
    "TALKS": "talk negotiation meeting summit discussion dialogue consultation conference session round debate",
    "BORDER": "strait border crossing checkpoint corridor airport port airspace route gate passage frontier",
    "PROBE": "investigation probe inquiry case lawsuit complaint proceeding trial suit",
    "PROTESTN": "protest demonstration rally strike march sit-in boycott vigil walkout encampment camp "
                "occupation blockade picket dharna hartal bandh stayaway minga procession gherao",
    "ROAD": "road street highway bridge entrance railway traffic motorway boulevard avenue junction intersection "
            "roundabout expressway thoroughfare",
    "STRIKE": "strike protest boycott demonstration",
    "PROTESTCALL": "protest demonstration rally march sit-in boycott vigil walkout encampment picket "
                   "shutdown dharna hartal bandh stayaway minga procession gherao",
    "PROPERTY": "depot warehouse refinery factory compound house home building property office land village town facility infrastructure line apartment block tower "
                "plant mosque church school hospital shop vehicle car power station",
    "SUPPORTN": "support solidarity commitment backing",
    "INTEL": "intelligence information expertise data record evidence dossier intel",
    "ASYLUM": "asylum refuge sanctuary",
    "ACCESS": "access entry passage return movement exit",
    "TERRITORY": "territory village town city area region land position control base stronghold outpost "
                 "garrison airbase airfield hill hilltop",
    "DEPLOYMENT": "broadening expansion widening escalation deployment mobilization mobilisation buildup build-up call-up reinforcement dispatch "
                  "mobilisation",
    "STATEMENT": "statement report figure toll video footage list name detail document",
    "PRESSURE": "pressure",
    "BLOC": "bloc alliance union organisation organization community league commonwealth federation coalition "
            "grouping ecowas nato opec brics asean csto icc unesco unrwa council",
    "CRIMES": "crime genocide atrocity violation abuse massacre",
    "SITUATIONN": "policy position stance view interest vision value goal aim ambition demand",
    "LEGISLATION": "bill law decree legislation amendment ordinance regulation directive reform tax increase "
                   "hike rise plan proposal clause provision",
    "TRADE": "import export trade good product shipment sale flight investment",
    "ALERT": "alert readiness standby footing",
    "FIRM": "factory company firm plant refinery mine oilfield bank business enterprise asset farm estate "
            "broadcaster newspaper television channel station",
    "SUSPECT": "suspect fugitive wanted accused",
    "JUSTICE": "custody tribunal court prosecutor justice interpol hague",
    "CASUALTY": "wounded injured patient casualty victim wound injure",
}.items()}

_VERBS = """
snatch,grab: - ; @PEOPLE=ASSAULT/abduct
impound: COERCE/seize
tip: - ; +off=COOPERATE/intelligence
shutter: - ; @newspaper=COERCE/censor ; @station=COERCE/censor ; ^BUS=PROTEST/strike ; @shop=PROTEST/strike ; @store=PROTEST/strike ; @business=PROTEST/strike
stay: - ; >election=PROTEST/boycott ; >poll=PROTEST/boycott ; >vote=PROTEST/boycott ; >work=PROTEST/strike
clamp: - ; @ECONSANCTION=SANCTION ; @curfew=COERCE/curfew ; @RESTRICT=COERCE/restrict
settle: - ; @dispute=AGREE ; @row=AGREE ; @difference=AGREE ; @conflict=AGREE ; @quarrel=AGREE
commit: - ; >TRUCE=AGREE ; >DEAL=AGREE ; >TALKS=AGREE
point: - ; @finger=ACCUSE
stream: - ; ~TROOPS=MOBILIZE/troops
form: - ; @chain=PROTEST/demonstrate ; @cordon=PROTEST/demonstrate
attack,assault,bomb,airstrike,strafe,rocket,mortar,snipe,ambush,massacre,slaughter,behead,stab,lynch,execute: ASSAULT
bomb,airstrike,strafe: ASSAULT/air
bombard,shell,pound,hammer,pummel,batter: ASSAULT/shell
retaliate: ASSAULT
repel,repulse: ASSAULT
hack,bludgeon,club,machete: - ; +to=ASSAULT ; @PEOPLE=ASSAULT
ram: ASSAULT ; +through=- ; +home=- ; @bill=- ; @LEGISLATION=-
tear: - ; +down=COERCE/destroy
bar: - ; @ENVOYS=- ; @PEOPLE=COERCE/restrict ; @worshipper=COERCE/restrict ; @pilgrim=COERCE/restrict ; @ACCESS=COERCE/restrict
board,tow: - ; @boat=COERCE/seize ; @ship=COERCE/seize ; @vessel=COERCE/seize ; @tanker=COERCE/seize ; @flotilla=COERCE/seize
collude,conspire: ACCUSE
dissolve,disband: - ; @party=COERCE/ban ; @union=COERCE/ban ; @association=COERCE/ban ; @organisation=COERCE/ban ; @organization=COERCE/ban ; @ngo=COERCE/ban ; @movement=COERCE/ban ; @group=COERCE/ban
requisition,commandeer,conscript: COERCE ; @PROPERTY=COERCE/seize
strike: ASSAULT ; ^LAB=PROTEST/strike ; ^EDU=PROTEST/strike ; ^HLH=PROTEST/strike ; ^CVL=PROTEST/strike ; ^AGR=PROTEST/strike ; @DEAL=AGREE ; +at=ASSAULT ; @RESTRICT=CONCEDE ; @LEGISLATION=CONCEDE
kill,murder,slay,wound,injure,maim: ASSAULT
kill: ASSAULT ; @DEAL=- ; @STATEMENT=- ; @PROBE=- ; @article=- ; @bill=- ; @story=- ; @idea=- ; @chance=- ; @hope=-
assassinate: ASSAULT/assassinate
shoot,gun: ASSAULT/fire ; +down=ASSAULT/air
explode: ASSAULT/explosives
blast: ASSAULT/explosives ; +as=ACCUSE ; +over=ACCUSE ; @PEOPLE=ACCUSE ; @DEAL=ACCUSE ; @STATEMENT=ACCUSE
fire: - ; @gas=COERCE/restrict ; @bullet=ASSAULT/fire ; @WEAPON=ASSAULT ; +on=ASSAULT/fire ; +at=ASSAULT/fire ; +upon=ASSAULT/fire ; +into=ASSAULT/fire
open: - ; ~BORDER=RETREAT/access ; @war=- ; @MILOP=ASSAULT/fire ; @BORDER=RETREAT/access ; @PROBE=ACCUSE/investigate ; @TALKS=CONSULT ; @ACCESS=RETREAT/access
invade,storm,overrun,retake,recapture: ASSAULT/ground
abduct,kidnap,hijack: ASSAULT/abduct
capture,seize: COERCE/seize ; >FIRM=COERCE/seize ; @attention=- ; @imagination=- ; @heart=- ; @mood=- ; @moment=- ; @spirit=- ; @STATEMENT=- ; @PEOPLE=ASSAULT/abduct ; @BORDER=COERCE/seize ; @TERRITORY=ASSAULT/ground ; @camp=ASSAULT/ground
torture: ASSAULT/torture
beat: ASSAULT/beat
flog,whip: ASSAULT/beat
regain: - ; @TERRITORY=ASSAULT/ground
rape: ASSAULT/sexual
detonate: ASSAULT/explosives
plant: - ; @landmine=ASSAULT/explosives ; @mine=ASSAULT/explosives ; @bomb=ASSAULT/explosives ; @ied=ASSAULT/explosives ; @explosive=ASSAULT/explosives ; @device=ASSAULT/explosives
blow: - ; @himself=ASSAULT/explosives ; @herself=ASSAULT/explosives ; @themselves=ASSAULT/explosives ; +up=COERCE/destroy
clash: ASSAULT ; ^GOV=REJECT ; ^LEG=REJECT ; ~DEAL=REJECT ; ~SITUATIONN=REJECT
fight,battle: ASSAULT
fight,battle: ASSAULT ; @PROBE=- ; @claim=- ; @charge=- ; @allegation=- ; @ruling=- ; @outbreak=- ; @epidemic=- ; @disease=- ; @virus=- ; @wildfire=- ; @blaze=- ; @corruption=- ; @poverty=- ; @hunger=- ; @illness=- ; @cancer=-
target: ASSAULT
unleash: - ; @MILOP=ASSAULT ; @WEAPON=ASSAULT ; @dog=ASSAULT ; @violence=ASSAULT ; @fire=ASSAULT/fire ; +on=ASSAULT
hit: - ; +out=ACCUSE ; @target=ASSAULT ; >ECONSANCTION=SANCTION ; >RESTRICT=SANCTION ; >asset=SANCTION ; @PROPERTY=ASSAULT ; @PEOPLE=ASSAULT ; @TERRITORY=ASSAULT ; @TROOPS=ASSAULT
launch: - ; @MILOP=ASSAULT ; @WEAPON=ASSAULT ; @TALKS=CONSULT ; @PROBE=ACCUSE/investigate ; @AID=AID
arrest,detain,jail,imprison,incarcerate: COERCE/arrest
hold: - ; @PROTESTN=PROTEST/demonstrate ; @placard=PROTEST/demonstrate ; @banner=PROTEST/demonstrate ; @TALKS=CONSULT ; @PEOPLE=COERCE/detain ; +responsible=ACCUSE
round: - ; +up=COERCE/arrest
confiscate,expropriate: COERCE/seize
control: - ; @BORDER=COERCE/occupy ; @ROAD=COERCE/occupy
wipe: - ; @PEOPLE=ASSAULT ; @TERRITORY=ASSAULT ; @TROOPS=ASSAULT ; @PROPERTY=COERCE/destroy
demolish,raze,bulldoze,destroy,torch,burn,vandalize,vandalise,deface,uproot: COERCE/destroy
loot,ransack,pillage,plunder: COERCE/seize
set: - ; +free=RETREAT/release ; @landmine=ASSAULT/explosives ; @mine=ASSAULT/explosives ; @bomb=ASSAULT/explosives ; @ied=ASSAULT/explosives ; @explosive=ASSAULT/explosives ; @device=ASSAULT/explosives ; @training=MOBILIZE/troops ; @fire=COERCE/destroy ; +ablaze=COERCE/destroy ; +alight=COERCE/destroy ; +afire=COERCE/destroy ; @MILOP=MOBILIZE ; @TALKS=CONSULT ; @encampment=PROTEST/occupy ; @sit-in=PROTEST/occupy ; @picket=PROTEST/obstruct ; @roadblock=COERCE/restrict ; @barricade=COERCE/restrict ; @ablaze=COERCE/destroy ; @AID=AID
blockade,besiege,encircle,surround: COERCE/blockade
tighten: - ; @RESTRICT=COERCE/restrict ; @hold=COERCE/blockade ; @grip=COERCE/blockade ; @noose=COERCE/blockade ; @encirclement=COERCE/blockade ; @cordon=COERCE/blockade
deport: COERCE/deport
ban,outlaw,prohibit,proscribe: COERCE/ban ; @TRADE=SANCTION
censor,gag: COERCE/censor
disperse,suppress,repress,restrict,curb: COERCE/restrict ; @TRADE=SANCTION
prevent,stop: - ; @work=PROTEST/strike ; @PROTESTN=COERCE/restrict ; @PEOPLE=COERCE/restrict ; @AID=COERCE/restrict ; @ACCESS=COERCE/restrict ; @TRADE=SANCTION
crack: - ; +down=COERCE
occupy,annex: COERCE/occupy ; ^CVL=PROTEST/occupy ; ^EDU=PROTEST/occupy ; ^LAB=PROTEST/occupy ; ^AGR=PROTEST/occupy
evict: COERCE/deport
sentence: COERCE/arrest
raid: COERCE/raid
close: - ; ^BUS=PROTEST/strike ; @BORDER=COERCE/restrict ; @ROAD=COERCE/restrict ; @salon=COERCE/restrict ; @office=COERCE/restrict ; @station=COERCE/censor ; @newspaper=COERCE/censor ; @church=COERCE/restrict ; @mosque=COERCE/restrict
shut: - ; +down=COERCE/restrict ; @BORDER=COERCE/restrict
cut: - ; @TROOPS=RETREAT/withdraw ; @RELATIONS=SANCTION ; @AID=SANCTION ; +off=COERCE/blockade ; @fuel=COERCE/blockade ; @internet=COERCE/censor ; @telecommunication=COERCE/censor ; @communication=COERCE/censor
impose,enforce,declare: - ; @ECONSANCTION=SANCTION ; @curfew=COERCE/curfew ; @RESTRICT=COERCE/restrict ; @TRUCE=RETREAT/ceasefire ; @war=ASSAULT ; @ENVOYS=SANCTION/expel ; @SUPPORTN=SUPPORT
protest,demonstrate,rally,march,riot,picket,parade,chant: PROTEST/demonstrate ; ^GOV=ACCUSE
riot: PROTEST/riot
boycott: PROTEST/boycott ; ^OPP=PROTEST/boycott ; >parliament=PROTEST/boycott ; >assembly=PROTEST/boycott ; >congress=PROTEST/boycott ; >legislature=PROTEST/boycott ; @TALKS=REJECT ; ^GOV=SANCTION
block,barricade: - ; @ROAD=PROTEST/obstruct ; @DEAL=REJECT ; @resolution=REJECT ; @STATEMENT=REJECT ; @draft=REJECT ; @bid=REJECT ; @ECONSANCTION=REJECT ; @AID=COERCE/restrict ; @ACCESS=COERCE/restrict ; @BORDER=COERCE/restrict
pelt,stone: PROTEST/riot
throw,hurl,lob: - ; +behind=SUPPORT ; @stone=PROTEST/riot ; @rock=PROTEST/riot ; @brick=PROTEST/riot ; @bottle=PROTEST/riot ; @cocktail=PROTEST/riot ; @firebomb=PROTEST/riot ; @WEAPON=ASSAULT/explosives ; @SUPPORTN=SUPPORT
unfurl: - ; @banner=PROTEST/demonstrate ; @placard=PROTEST/demonstrate
carry,brandish: - ; @placard=PROTEST/demonstrate ; @banner=PROTEST/demonstrate
sit: - ; >ROAD=PROTEST/obstruct ; >track=PROTEST/obstruct ; >railway=PROTEST/obstruct
fill,pack,throng: - ; @street=PROTEST/demonstrate ; @square=PROTEST/demonstrate ; @ROAD=PROTEST/demonstrate
keep: - ; @shutter=PROTEST/strike
walk: - ; +free=RETREAT/release ; +out=PROTEST/strike ; +off=PROTEST/strike
use: - ; @gas=COERCE/restrict ; @cannon=COERCE/restrict ; @baton=ASSAULT/beat ; @ammunition=ASSAULT/fire ; @WEAPON=ASSAULT
advance,push: - ; +for=REQUEST ; @MILOP=ASSAULT ; +on=REQUEST ; +into=ASSAULT/ground ; +toward=ASSAULT/ground ; +towards=ASSAULT/ground ; ^MIL=ASSAULT/ground
intercept: COERCE/seize ; @WEAPON=-
drop: - ; @AID=AID ; @WEAPON=ASSAULT/air ; @LEGISLATION=CONCEDE ; @objection=CONCEDE ; @opposition=CONCEDE ; @veto=CONCEDE ; @demand=CONCEDE
clear: - ; @PROTESTN=COERCE/restrict
converge,gather: - ; +for=PROTEST/demonstrate
collect,gather: - ; @signature=PROTEST/petition
shun: - ; @work=PROTEST/strike
down: - ; @tool=PROTEST/strike ; @work=PROTEST/strike ; @shutter=PROTEST/strike
deploy,mobilize,mobilise,amass,mass,station,reinforce,position: MOBILIZE/troops
patrol: MOBILIZE/police
call: - ; @counterpart=CONSULT/phone ; +up=MOBILIZE/troops ; +off=CONCEDE ; @PROTESTCALL=PROTEST ; +for=REQUEST ; +on=REQUEST ; +upon=REQUEST ; @PROTESTN=PROTEST ; @TRUCE=RETREAT/ceasefire ; @TALKS=REQUEST
send,dispatch: - ; +back=COERCE/deport ; @peacekeeper=AID ; @rescue=AID ; @rescuer=AID ; @doctor=AID ; @medic=AID ; @nurse=AID ; @firefighter=AID ; @reply=CONSULT ; @response=CONSULT ; @answer=CONSULT ; @counterproposal=CONSULT ; @counteroffer=CONSULT ; @TROOPS=MOBILIZE/troops ; @AID=AID ; @WEAPON=AID/military ; @ENVOYS=CONSULT ; @inspector=ACCUSE/investigate
approve,authorize,authorise,greenlight: AGREE ; @AID=AID ; @arm=AID/military ; @WEAPON=AID/military ; @MILOP=MOBILIZE ; @TROOPS=MOBILIZE/troops ; @DEPLOYMENT=MOBILIZE/troops ; @resolution=REQUEST
broaden,expand,widen,extend: - ; @recognition=SUPPORT ; @MILOP=MOBILIZE ; @TRUCE=AGREE ; @AID=AID ; @DEAL=AGREE ; @RESTRICT=COERCE/restrict ; ~TRUCE=AGREE ; ~DEAL=AGREE
prepare,brace,gear: - ; @MILOP=MOBILIZE
cordon,seal: - ; +off=COERCE/blockade ; @DEAL=AGREE ; @TRUCE=AGREE
build,erect,carve,create,establish: - ; @training=MOBILIZE/troops ; @buffer=COERCE/occupy ; @settlement=COERCE/occupy ; @outpost=COERCE/occupy ; @RELATIONS=SUPPORT
outrage: - ; +over=ACCUSE ; +at=ACCUSE
face,endure,suffer: - ; @fire=ASSAULT/fire ; @MILOP=ASSAULT ; @bombardment=ASSAULT/air
come: - ; @fire=ASSAULT/fire ; @MILOP=ASSAULT
flood,pour,funnel,channel,rush: - ; @WEAPON=AID/military ; @AID=AID ; @TROOPS=MOBILIZE/troops ; +with=AID ; ~TROOPS=MOBILIZE/troops
propose: AGREE ; @ECONSANCTION=- ; @MILOP=- ; @RESTRICT=-
draft,introduce: - ; @resolution=REQUEST ; @motion=REQUEST
table,circulate: - ; @resolution=REQUEST ; @motion=REQUEST ; @DEAL=CONSULT ; @text=CONSULT ; @draft=CONSULT
sanction,embargo,blacklist: SANCTION
quit,exit: - ; @BLOC=SANCTION/withdraw ; @DEAL=REJECT ; @TRUCE=REJECT
designate: - ; @terrorist=SANCTION ; @group=SANCTION ; @organisation=SANCTION ; @organization=SANCTION ; @entity=SANCTION ; >terrorist=SANCTION ; >group=SANCTION ; >organisation=SANCTION ; >organization=SANCTION ; >entity=SANCTION
lower: - ; @conscription=MOBILIZE/troops ; @draft=MOBILIZE/troops
report: - ; ~reservist=MOBILIZE/troops ; ~conscript=MOBILIZE/troops
expel: SANCTION/expel ; @PEOPLE=COERCE/deport ; @ENVOYS=SANCTION/expel
recall: - ; @ENVOYS=SANCTION/withdraw ; @TROOPS=MOBILIZE/troops
sever,downgrade: - ; @RELATIONS=SANCTION/withdraw
break: - ; @RELATIONS=SANCTION/withdraw ; @TRUCE=ASSAULT ; +off=SANCTION/withdraw
suspend,freeze,halt: SANCTION ; >STRIKE=PROTEST/strike ; ~MILOP=RETREAT/ceasefire ; @broadcast=COERCE/censor ; @internet=COERCE/censor ; @newspaper=COERCE/censor ; @channel=COERCE/censor ; @station=COERCE/censor ; @MILOP=RETREAT/ceasefire ; @PROTESTN=CONCEDE ; @fire=RETREAT/ceasefire ; @constitution=COERCE/restrict ; @parliament=COERCE/restrict
reduce,thin,scale,draw,trim,downsize: - ; @TROOPS=RETREAT/withdraw ; @MILOP=RETREAT/withdraw
withdraw,pull: RETREAT/withdraw ; @ENVOYS=SANCTION/withdraw ; ~TROOPS=RETREAT/withdraw ; @AID=SANCTION ; @LEGISLATION=CONCEDE ; @objection=CONCEDE ; @veto=CONCEDE ; >BLOC=SANCTION/withdraw ; +from=RETREAT/withdraw ; @TALKS=SANCTION/withdraw
force: - ; +out=SANCTION/expel
threaten,menace: THREATEN
warn: THREATEN
vow,swear: THREATEN
reject,refuse,decline,rebuff,spurn,veto,rebuke: REJECT
rebuke: ACCUSE
dismiss: REJECT ; @PEOPLE=- ; @government=- ; @cabinet=- ; @suit=- ; @lawsuit=-
oppose,resist,defy,renege: REJECT
deny: REJECT ; @ACCESS=COERCE/restrict ; @AID=COERCE/restrict
refuse: REJECT ; @food=PROTEST/hunger ; @meal=PROTEST/hunger
rule: - ; +out=REJECT
turn: - ; +down=REJECT ; >JUSTICE=COOPERATE/extradite ; @SUSPECT=COOPERATE/extradite ; +over=RETREAT/release
fail: -
accuse,blame,condemn,denounce,criticize,criticise,slam,lambast,castigate,allege,deplore,decry,censure,fault,reprimand,assail,chide,berate,scold,excoriate,reproach,chastise: ACCUSE
challenge,rap: - ; +for=ACCUSE ; +over=ACCUSE
present,submit,bring: - ; @TROOPS=MOBILIZE/troops ; @reply=CONSULT ; @response=CONSULT ; @answer=CONSULT ; @counterproposal=CONSULT ; @counteroffer=CONSULT ; @resolution=REQUEST ; @PROBE=ACCUSE ; @allegation=ACCUSE ; @charge=ACCUSE ; @evidence=ACCUSE ; @AID=AID ; +together=CONSULT/mediate
adopt,pass: - ; @ECONSANCTION=SANCTION ; >counterpart=COOPERATE/intelligence ; @resolution=REQUEST
vote: - ; @resolution=REQUEST ; @draft=REQUEST ; @motion=REQUEST
direct,instruct: REQUEST ; @PEOPLE=REQUEST ; @STATEMENT=-
speak: - ; +with=CONSULT
take: - ; >custody=COERCE/arrest ; >court=ACCUSE/sue ; >tribunal=ACCUSE/sue ; @PROBE=ACCUSE ; @allegation=ACCUSE ; >FIRM=COERCE/seize ; @BORDER=COERCE/seize ; @TERRITORY=ASSAULT/ground ; @hostage=ASSAULT/abduct ; @captive=ASSAULT/abduct ; @refugee=AID/asylum ; @migrant=AID/asylum ; @seeker=AID/asylum
step: - ; @mine=ASSAULT/explosives ; @landmine=ASSAULT/explosives ; @device=ASSAULT/explosives ; @ied=ASSAULT/explosives ; @explosive=ASSAULT/explosives ; +down=CONCEDE ; @MILOP=ASSAULT ; @PRESSURE=REQUEST
repeat,renew,reiterate,reissue,restate,echo: - ; @call=REQUEST ; @appeal=REQUEST ; @demand=REQUEST ; @plea=REQUEST ; @threat=THREATEN ; @warning=THREATEN ; @accusation=ACCUSE ; @charge=ACCUSE ; @criticism=ACCUSE ; @condemnation=ACCUSE ; @rejection=REJECT ; @TALKS=CONSULT
ramp,increase,heighten,raise,mount,ratchet,pile,intensify,escalate,redouble,boost: - ; @MILOP=ASSAULT ; @PRESSURE=REQUEST ; @ALERT=MOBILIZE/troops
enter,operate: - ; ^MIL=ASSAULT/ground
roll: - ; +out=RETREAT/withdraw ; +back=CONCEDE ; ^MIL=ASSAULT/ground
pause: - ; @MILOP=RETREAT/ceasefire ; @fire=RETREAT/ceasefire ; @AID=SANCTION ; @WEAPON=SANCTION ; @LEGISLATION=CONCEDE ; @overhaul=CONCEDE ; @enforcement=CONCEDE ; @implementation=CONCEDE
postpone,defer: - ; @LEGISLATION=CONCEDE ; @overhaul=CONCEDE ; @enforcement=CONCEDE ; @implementation=CONCEDE ; @takeover=CONCEDE ; @eviction=CONCEDE ; @demolition=CONCEDE
move,redeploy,shift: - ; +out=RETREAT/withdraw ; @TROOPS=MOBILIZE/troops ; ^MIL=ASSAULT/ground ; @WEAPON=MOBILIZE/troops
move: - ; +out=RETREAT/withdraw ; @TROOPS=MOBILIZE/troops ; @AID=AID ; ~AID=AID ; @WEAPON=MOBILIZE/troops ; ^MIL=ASSAULT/ground ; +into=ASSAULT/ground
leave: - ; @dead=ASSAULT ; @injured=ASSAULT ; @wounded=ASSAULT ; @BLOC=SANCTION/withdraw ; @home=- ; @house=- ; @family=- ; ~TROOPS=RETREAT/withdraw ; ~peacekeeper=RETREAT/withdraw
investigate,probe,examine: ACCUSE/investigate
hear: - ; @PROBE=ACCUSE ; @appeal=ACCUSE ; @challenge=ACCUSE ; @petition=ACCUSE
grill,interrogate: - ; @PEOPLE=ACCUSE ; ^LEG=ACCUSE ; ^JUD=ACCUSE
grill: ACCUSE
find,uncover,document: - ; @evidence=ACCUSE ; @CRIMES=ACCUSE ; @proof=ACCUSE
document: - ; @evidence=ACCUSE ; @CRIMES=ACCUSE ; @proof=ACCUSE ; @MILOP=ACCUSE ; @killing=ACCUSE ; @torture=ACCUSE
sue: ACCUSE/sue
indict,convict,charge: ACCUSE
complain: ACCUSE
summon: ACCUSE
lodge,file: - ; @PROBE=ACCUSE ; @protest=ACCUSE ; @complaint=ACCUSE
demand,urge,request,implore,beseech,entreat,plead,petition,beg,pressure,pressurise,pressurize: REQUEST
lash: - ; +out=ACCUSE
press,lobby: - ; +for=REQUEST ; @MILOP=ASSAULT ; +on=REQUEST
appeal: REQUEST
ask: REQUEST ; +for=REQUEST
seek: - ; @AID=REQUEST ; @ASYLUM=REQUEST ; @TALKS=REQUEST ; @TRUCE=REQUEST ; @help=REQUEST
invite: REQUEST
order: - ; @TROOPS=MOBILIZE/troops ; @DEPLOYMENT=MOBILIZE/troops ; @patrol=MOBILIZE/police ; @evacuation=REQUEST ; @ENVOYS=SANCTION/expel ; @PEOPLE=REQUEST ; +out=SANCTION/expel
agree,consent: AGREE ; >demand=CONCEDE
pledge,promise,offer: AGREE ; @apology=SUPPORT ; @condolence=SUPPORT
reach,conclude,clinch: - ; @DEAL=AGREE ; @TRUCE=AGREE
reach: - ; @DEAL=AGREE ; @TRUCE=AGREE ; ~AID=AID
accept: AGREE ; @demand=CONCEDE ; @refugee=AID/asylum ; @resignation=CONCEDE
sign: - ; +off=AGREE ; @TRUCE=AGREE ; @DEAL=SUPPORT
endorse,ratify,praise,welcome,hail,commend,applaud,laud,congratulate,thank,fete,salute: SUPPORT
celebrate,cheer: - ; @MILOP=SUPPORT ; @DEAL=SUPPORT ; @TRUCE=SUPPORT ; @release=SUPPORT ; @victory=SUPPORT ; @PEOPLE=SUPPORT ; @killing=SUPPORT ; @massacre=SUPPORT
support,back: SUPPORT ; @AID=AID
defend: SUPPORT ; @MILOP=REJECT ; @accuracy=REJECT ; @credibility=REJECT ; @integrity=REJECT ; @reliability=REJECT ; @STATEMENT=REJECT ; @decision=REJECT ; @handling=REJECT ; @conduct=REJECT ; @record=REJECT ; @response=REJECT ; @coverage=REJECT ; @reporting=REJECT ; @methodology=REJECT ; @data=REJECT
recognize,recognise: SUPPORT
apologize,apologise,forgive: SUPPORT
reaffirm,express,voice: - ; @SUPPORTN=SUPPORT ; @concern=ACCUSE
upgrade,normalize,normalise: - ; @RELATIONS=SUPPORT
restore: - ; @RELATIONS=SUPPORT ; @internet=CONCEDE ; @connectivity=CONCEDE
meet,negotiate,discuss,confer,consult,host,debate: CONSULT
visit: CONSULT/visit
talk: CONSULT ; +with=CONSULT
mediate,broker: CONSULT/mediate
convene: CONSULT
phone: CONSULT/phone
receive: - ; @delegation=CONSULT/host ; %GOV=CONSULT/host ; @ENVOYS=RETREAT/access
resume: - ; @TALKS=CONSULT ; @MILOP=ASSAULT ; @AID=AID
cooperate,collaborate,coordinate: COOPERATE
share: - ; @INTEL=COOPERATE/intelligence
extradite: COOPERATE/extradite
swap,trade: - ; @PEOPLE=RETREAT/release ; @fire=ASSAULT
exchange: - ; @PEOPLE=RETREAT/release ; @INTEL=COOPERATE/intelligence ; @fire=ASSAULT
aid,assist,donate,airdrop,fund,finance,rescue,evacuate: AID
aid,assist: AID ; ~INTEL=COOPERATE/intelligence ; @MILOP=COOPERATE ; @rescue=COOPERATE ; @raid=COOPERATE ; @hunt=COOPERATE ; @search=COOPERATE
evacuate: AID ; @TERRITORY=RETREAT/withdraw ; @settlement=RETREAT/withdraw
provide,give,supply,ship,allocate,contribute,lend: - ; @AID=AID ; @vehicle=AID ; @WEAPON=AID/military ; @ASYLUM=AID/asylum ; @ACCESS=RETREAT/access ; @INTEL=COOPERATE/intelligence ; @TROOPS=AID/military ; >AID=AID ; >WEAPON=AID/military ; >TROOPS=AID/military ; @SUPPORTN=SUPPORT
deliver: - ; >custody=COOPERATE/extradite ; >counterpart=COOPERATE/intelligence ; @reply=CONSULT ; @answer=CONSULT ; @counterproposal=CONSULT ; @counteroffer=CONSULT ; @AID=AID ; @vehicle=AID ; @WEAPON=AID/military ; @ASYLUM=AID/asylum ; @ACCESS=RETREAT/access ; @INTEL=COOPERATE/intelligence ; @TROOPS=AID/military ; >AID=AID ; >WEAPON=AID/military ; >TROOPS=AID/military
grant: - ; @demand=CONCEDE ; @ASYLUM=AID/asylum ; @AID=AID ; @ACCESS=RETREAT/access ; @PEOPLE=AID
arm: AID/military
concede,yield,accede,relent,capitulate,cede: CONCEDE
give: - ; @AID=AID ; @vehicle=AID ; +in=CONCEDE ; @AID=AID ; @vehicle=AID ; @ASYLUM=AID/asylum ; @INTEL=COOPERATE/intelligence ; @day=THREATEN ; @hour=THREATEN ; @deadline=THREATEN ; @ultimatum=THREATEN ; +days=THREATEN ; +hours=THREATEN ; +weeks=THREATEN
lift,ease,relax,cancel,scrap,loosen: - ; @RESTRICT=CONCEDE ; @ECONSANCTION=RETREAT/ease ; @LEGISLATION=CONCEDE ; >emergency=CONCEDE ; @visa=SANCTION ; @objection=CONCEDE ; @veto=CONCEDE
revoke: - ; @RESTRICT=CONCEDE ; @ECONSANCTION=RETREAT/ease ; @LEGISLATION=CONCEDE ; >emergency=CONCEDE ; @visa=SANCTION ; @permit=SANCTION ; @licence=SANCTION ; @license=SANCTION ; @accreditation=SANCTION
resign: CONCEDE
end: - ; @PROTESTN=CONCEDE ; @MILOP=RETREAT/ceasefire ; @TRUCE=ASSAULT ; @RESTRICT=CONCEDE ; @talk=REJECT ; @negotiation=REJECT ; @dialogue=REJECT ; @DEAL=REJECT
release,free,pardon: RETREAT/release ; @STATEMENT=- ; @PEOPLE=RETREAT/release ; @AID=AID
hand: - ; >counterpart=COOPERATE/intelligence ; >custody=COOPERATE/extradite ; @WEAPON=AID/military ; @boat=AID/military ; @vessel=AID/military ; @aircraft=AID/military ; @helicopter=AID/military ; @jet=AID/military ; @vehicle=AID ; @AID=AID ; @STATEMENT=- ; @petition=REQUEST ; @memorandum=REQUEST ; @letter=REQUEST ; @INTEL=COOPERATE/intelligence ; >JUSTICE=COOPERATE/extradite ; @SUSPECT=COOPERATE/extradite ; @WEAPON=AID/military ; @tank=AID/military ; @hostage=RETREAT/release ; @captive=RETREAT/release ; @prisoner=RETREAT/release ; @detainee=RETREAT/release ; @soldier=RETREAT/release ; +over=RETREAT/release ; +back=RETREAT/return
return: - ; @PEOPLE=RETREAT/release ; @PROPERTY=RETREAT/return ; @TERRITORY=RETREAT/return ; ~hostage=RETREAT/release ; ~captive=RETREAT/release ; ~prisoner=RETREAT/release ; ~detainee=RETREAT/release ; ~delegation=CONSULT ; ~negotiator=CONSULT ; ~mediator=CONSULT ; +to=-
retreat,disarm,demobilize,demobilise,surrender: RETREAT/withdraw
lay: - ; @tool=PROTEST/strike ; +down=RETREAT/disarm
lie: - ; @tool=PROTEST/strike ; @arm=RETREAT/disarm ; @weapon=RETREAT/disarm
reopen: - ; @BORDER=RETREAT/access ; ~BORDER=RETREAT/access
allow,permit,let: - ; +go=RETREAT/release ; @AID=RETREAT/access ; @ACCESS=RETREAT/access ; @ENVOYS=RETREAT/access
admit: - ; @AID=RETREAT/access ; @refugee=AID/asylum
observe,respect: - ; @TRUCE=RETREAT/ceasefire
observe: - ; @TRUCE=RETREAT/ceasefire ; @shutdown=PROTEST/strike ; @STRIKE=PROTEST/strike ; @PROTESTCALL=PROTEST/strike
violate: - ; @TRUCE=ASSAULT ; @DEAL=REJECT
pay: - ; @compensation=RETREAT/return ; @ransom=-
compensate: RETREAT/return
nationalise,nationalize: COERCE/seize
shelve,repeal,rescind,annul,abolish,overturn,quash: - ; @LEGISLATION=CONCEDE ; @RESTRICT=CONCEDE ; @ECONSANCTION=RETREAT/ease
abandon: - ; @LEGISLATION=CONCEDE ; @TERRITORY=RETREAT/withdraw
meet: CONSULT ; @demand=CONCEDE ; @condition=CONCEDE
reinstate: CONCEDE ; @ECONSANCTION=SANCTION ; @RESTRICT=COERCE/restrict
bow,cave,buckle: - ; +to=CONCEDE ; +in=CONCEDE ; +under=CONCEDE
put,place: - ; >ALERT=MOBILIZE/troops ; >arrest=COERCE/arrest ; >curfew=COERCE/curfew ; >trial=ACCUSE ; >bar=COERCE/arrest ; @AID=AID ; >RESTRICT=COERCE/restrict ; @signature=SUPPORT
deploy: MOBILIZE/troops ; @peacekeeper=AID
arrive: - ; ~peacekeeper=AID ; ~TROOPS=MOBILIZE/troops ; ~delegation=CONSULT/visit ; ~envoy=CONSULT/visit ; ~negotiator=CONSULT/visit ; ~mediator=CONSULT/visit ; ^GOV=CONSULT/visit
travel,tour,land: - ; ~TROOPS=MOBILIZE/troops ; ~officer=MOBILIZE/police ; ~policeman=MOBILIZE/police ; ~delegation=CONSULT/visit ; ~envoy=CONSULT/visit ; ~negotiator=CONSULT/visit ; ~mediator=CONSULT/visit ; ^GOV=CONSULT/visit
slap: - ; @ECONSANCTION=SANCTION ; @RESTRICT=SANCTION ; @TRADE=SANCTION
transfer: - ; >JUSTICE=COOPERATE/extradite ; @AID=AID ; @WEAPON=AID/military
deposit: - ; @AID=AID/economic
load,unload,offload: - ; @AID=AID
fly: - ; +over=- ; +above=- ; ~TROOPS=- ; ~WEAPON=- ; @AID=AID ; ~delegation=CONSULT/visit ; ~envoy=CONSULT/visit ; ~negotiator=CONSULT/visit ; ~mediator=CONSULT/visit ; ^GOV=CONSULT/visit
disburse: AID/economic
treat: - ; +as=- ; @CASUALTY=AID/humanitarian
airlift: AID ; @TROOPS=MOBILIZE/troops
work: - ; +together=COOPERATE ; +jointly=COOPERATE ; +alongside=COOPERATE ; +side=COOPERATE
team: - ; +up=COOPERATE
join: - ; @force=COOPERATE ; @PROBE=ACCUSE
stand: - ; +behind=SUPPORT ; +with=SUPPORT ; +against=REJECT ; +firm=REJECT ; @STATEMENT=REJECT ; @decision=REJECT ; @claim=REJECT ; @finding=REJECT ; @remark=REJECT ; @comment=REJECT ; +by=SUPPORT ; +for=SUPPORT
vote: - ; +against=REJECT ; +down=REJECT
brush,shrug,wave: - ; +aside=REJECT ; +off=REJECT ; +away=REJECT
fall,go: - ; +silent=RETREAT/ceasefire ; +quiet=RETREAT/ceasefire
find: - ; +guilty=ACCUSE
aid: AID ; +abetting=- ; +abetted=- ; @CRIMES=- ; ~INTEL=COOPERATE/intelligence ; @MILOP=COOPERATE ; @rescue=COOPERATE ; @raid=COOPERATE ; @hunt=COOPERATE ; @search=COOPERATE
back: SUPPORT ; +down=CONCEDE ; @AID=AID
crush,quell: COERCE/restrict
reverse: - ; @RESTRICT=CONCEDE ; @LEGISLATION=CONCEDE ; @decision=CONCEDE
dissolve,disband: - ; @parliament=COERCE/ban ; @party=COERCE/ban ; @assembly=COERCE/ban ; @legislature=COERCE/ban ; @union=COERCE/ban ; @ngo=COERCE/ban
host: CONSULT ; @refugee=- ; @migrant=- ; @cup=- ; @tournament=- ; @championship=- ; @olympics=- ; @game=- ; @festival=- ; @concert=- ; @exhibition=-
telephone: CONSULT/phone
huddle: - ; +with=CONSULT
shuttle: - ; +between=CONSULT/mediate
hammer: ASSAULT/shell ; +out=AGREE
thrash: - ; +out=AGREE
forge: - ; @DEAL=AGREE ; @alliance=AGREE ; @partnership=AGREE
side: - ; +with=SUPPORT
embrace: - ; @DEAL=SUPPORT ; @TRUCE=SUPPORT
backtrack,backpedal: CONCEDE
climb: - ; +down=CONCEDE
water: - ; +down=CONCEDE
soften: - ; @SITUATIONN=CONCEDE ; @RESTRICT=CONCEDE ; @LEGISLATION=CONCEDE
heed: - ; @demand=CONCEDE ; @call=CONCEDE ; @appeal=CONCEDE ; @ultimatum=CONCEDE
unblock: - ; @internet=CONCEDE ; @AID=RETREAT/access ; @ACCESS=RETREAT/access ; @BORDER=RETREAT/access ; @ROAD=RETREAT/access
partner: - ; +with=COOPERATE
distribute,dispense,ferry,transport,truck: - ; @AID=AID
vacate: - ; @TERRITORY=RETREAT/withdraw ; ~TROOPS=RETREAT/withdraw
exhort: REQUEST
mull,weigh,eye,contemplate: - ; @ECONSANCTION=THREATEN ; @MILOP=THREATEN
apply: - ; @warrant=ACCUSE ; +for=REQUEST
snub,repudiate: REJECT
balk: - ; +at=REJECT
withhold: - ; @fund=SANCTION ; @funding=SANCTION ; @payment=SANCTION ; @revenue=SANCTION ; @tax=SANCTION ; @WEAPON=SANCTION ; @AID=SANCTION ; @support=SANCTION
kick: - ; @ENVOYS=SANCTION/expel
recruit: - ; @TROOPS=MOBILIZE/troops ; @fighter=MOBILIZE/troops ; @mercenary=MOBILIZE/troops ; @volunteer=MOBILIZE/troops ; @militant=MOBILIZE/troops
scramble: - ; @TROOPS=MOBILIZE/troops
bar: - ; @ENVOYS=REJECT
unveil,showcase,test,test-fire: - ; @WEAPON=MOBILIZE
bolster,beef: - ; @TROOPS=MOBILIZE/troops ; @presence=MOBILIZE/troops ; @defence=MOBILIZE ; @defense=MOBILIZE
"""

_NOUNS = """
attack,assault,bombing,bombardment,offensive,invasion,incursion,fighting,clash,battle,ambush,shooting,gunfire,barrage,onslaught,hostility: ASSAULT
airstrike,air-strike,strike: ASSAULT/air
bombing,bombardment: ASSAULT/air
shelling: ASSAULT/shell
massacre,killing,slaying,murder: ASSAULT
assassination: ASSAULT/assassinate
abduction,kidnapping,hijacking,hostage-taking: ASSAULT/abduct
operation: - ; military=ASSAULT/ground ; ground=ASSAULT/ground ; combat=ASSAULT/ground ; army=ASSAULT/ground
advance,push: - ; +for=REQUEST ; ground=ASSAULT/ground ; military=ASSAULT/ground ; +into=ASSAULT/ground ; +on=ASSAULT/ground ; +toward=ASSAULT/ground ; +towards=ASSAULT/ground
pressure: - ; +on=REQUEST
readiness,willingness: - ; +for=AGREE
arrest,detention,crackdown: COERCE/arrest
raid: COERCE/raid
blockade,siege: COERCE/blockade
demolition: COERCE/destroy
curfew: COERCE/curfew
deportation,expulsion: COERCE/deport
protest,demonstration,rally,march,sit-in,vigil,walkout,dharna,procession,gherao: PROTEST/demonstrate ; election=- ; campaign=- ; electoral=- ; stock=- ; market=-
encampment: PROTEST/occupy
hartal,bandh,stayaway,stay-away,go-slow: PROTEST/strike
minga: PROTEST/obstruct
outrage,anger,fury,indignation,uproar,backlash: - ; +over=ACCUSE ; +at=ACCUSE
riot: PROTEST/riot
strike: PROTEST/strike ; air=ASSAULT/air ; drone=ASSAULT/air ; missile=ASSAULT ; military=ASSAULT ; hunger=PROTEST/hunger ; general=PROTEST/strike
boycott: PROTEST/boycott
deployment,mobilization,mobilisation,buildup,build-up,drill,exercise,maneuver,manoeuvre: MOBILIZE
sanction,embargo: SANCTION
suspension: SANCTION
threat,ultimatum,warning: THREATEN
rejection,refusal,veto: REJECT
accusation,allegation,condemnation,criticism,critique,rebuke,broadside,denunciation,censure: ACCUSE
investigation,probe,inquiry: ACCUSE/investigate
lawsuit,complaint: ACCUSE
demand,appeal,plea,request: REQUEST ; warrant=ACCUSE ; arrest=ACCUSE
call: - ; +for=REQUEST ; +with=CONSULT/phone
deal,agreement,accord,pact: AGREE
treaty: SUPPORT
pledge,promise: AGREE
talk,negotiation,meeting,summit,discussion,consultation,dialogue: CONSULT
mediation: CONSULT/mediate
visit: CONSULT/visit
cooperation,collaboration,extradition: COOPERATE
aid,assistance,relief,airdrop,air-drop,donation: AID
shipment,convoy,delivery,consignment,airlift,flotilla: AID ; arms=AID/military ; weapon=AID/military ; bomb=AID/military ; munition=AID/military ; ammunition=AID/military
release,exchange,swap: RETREAT/release
withdrawal,pullout,pull-out,retreat: RETREAT/withdraw
reopening: RETREAT/access
ceasefire,cease-fire,truce,armistice,pause: RETREAT/ceasefire
drill,exercise,maneuver,manoeuvre,wargame,war-game: MOBILIZE ; joint=COOPERATE/military
patrol: MOBILIZE/police ; joint=COOPERATE/military
operation: - ; joint=COOPERATE/military ; military=ASSAULT/ground ; ground=ASSAULT/ground ; combat=ASSAULT/ground ; army=ASSAULT/ground
in: - ; sit=PROTEST/demonstrate ; teach=PROTEST/demonstrate ; die=PROTEST/demonstrate
apology: SUPPORT
concession,climbdown: CONCEDE
"""

Sense = tuple[str, str | None] | None


def _sense(s: str) -> Sense:
    s = s.strip()
    if s == "-":
        return None
    if "/" in s:
        t, m = s.split("/", 1)
        return (t, m)
    return (s, None)


def _parse(block: str) -> dict[str, tuple[Sense, list[tuple[str, Sense]]]]:
    out: dict[str, tuple[Sense, list[tuple[str, Sense]]]] = {}
    for line in block.strip().splitlines():
        lemmas, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(";")]
        default = _sense(parts[0])
        keyed = []
        for p in parts[1:]:
            k, v = p.split("=", 1)
            keyed.append((k.strip(), _sense(v)))
        for lem in lemmas.split(","):
            out[lem.strip()] = (default, keyed)
    return out


#: lemma -> (default sense, [(key, sense), ...])
VERBS = _parse(_VERBS)
NOUNS = _parse(_NOUNS)

#: Verbs that pass the type of their nominal object on ("held talks", "staged a rally", "imposed sanctions").
LIGHT_VERBS = frozenset(
    "hold stage launch conduct carry mount begin start continue make take have organize organise lead "
    "issue announce declare unveil order step intensify escalate renew keep maintain initiate undertake "
    "perform commit join attend participate engage lodge file open sign reach strike seal clinch extend "
    "observe respect violate break end resume impose apply enact introduce stop halt call deliver "
    "proceed go wage pursue plan push push_ahead set agree speed accelerate complete finalize finalise "
    "reiterate repeat voice express make renew consider signal show".split()
)

#: Verbs that report or state; they are not events, their subject is the fallback source.
REPORTING_VERBS = frozenset(
    "say tell report announce state add claim confirm insist indicate emphasize emphasise stress reiterate "
    "write explain affirm assert disclose reveal acknowledge admit inform quote cite declare signal "
    "mention remark note describe publish post tweet broadcast".split()
)

#: Verbs of analysis and opinion: an event only in their complement is commentary, not news.
ANALYSIS_VERBS = frozenset(
    "believe think argue suggest speculate predict highlight underscore underline caution assess analyse "
    "analyze consider expect hope fear doubt wonder question estimate see view feel guess imagine depend "
    "hinge remain seem appear reflect illustrate show mean".split()
)

#: Complement-taking verbs of intent: cooperative complement -> AGREE, hostile -> THREATEN.
INTENT_VERBS = frozenset("offer promise pledge vow plan intend undertake commit decide aim want seek "
                         "prepare propose".split())

#: Nouns of intent or readiness whose "to"-complement is only intended: "a readiness to escalate operations".
INTENT_NOUNS = frozenset("readiness willingness preparedness intention intent plan determination resolve "
                         "threat pledge promise vow offer commitment decision bid readying proposal".split())

#: Adjectives of readiness: "is willing/ready/prepared to".
INTENT_ADJS = frozenset("willing ready prepared determined eager keen set poised committed".split())


#: Agents that are nature, disease, an accident or an animal: what they "kill", "destroy" or "raid" is no
#: political event (animals are not actors).
NATURAL_CAUSES = frozenset(
    "flood flooding floodwater flash earthquake quake tremor aftershock storm cyclone hurricane typhoon "
    "tornado tsunami landslide mudslide avalanche drought heatwave heat wildfire bushfire lightning "
    "outbreak epidemic pandemic cholera measles malaria disease virus infection illness famine "
    "starvation malnutrition dehydration cold rain rainfall snow snowfall snowstorm blizzard fog rockfall downpour eruption volcano locust pest accident "
    "crash collision derailment capsize collapse cylinder gas boiler tanker short-circuit stampede "
    "weather magnitude dog rat wolf hyena jackal bird crow vulture animal cat shark bear snake insect mosquito bee "
    # animals ("killed by a hippopotamus", "mauled by a lion")
    "elephant monkey lion leopard crocodile hippopotamus hippo buffalo rhinoceros rhino tiger jaguar".split()
)

#: Media and documents: what they "capture", "show" or "expose" is no act of theirs.
MEDIA_NOUNS = frozenset("photo photograph image picture video footage film documentary report book poll survey "
                        "study map chart graphic podcast camera".split())

#: Verbs of an accident: what follows from them ("capsized, killing dozens") is no one's act.
ACCIDENT_VERBS = frozenset("capsize overturn crash collide derail collapse sink topple plunge flip skid "
                           "malfunction".split())

#: Offences that make an arrest or sentence ordinary crime rather than repression.
CRIME_NOUNS = frozenset(
    "fraud theft robbery burglary murder smuggling trafficking embezzlement possession drug narcotic "
    "cannabis cocaine heroin poaching forgery bribery extortion larceny shoplifting carjacking "
    "counterfeiting speeding".split()
)

#: Heads of protesting crowds: what they do violently is rioting, not an armed assault.
PROTESTERS = frozenset(
    "protester protestor demonstrator rioter mob crowd youth marcher picketer picket striker looter "
    "supporter".split()
)

#: What a warner can warn of that is their own act ("warns of retaliation"), not a danger ("of famine").
THREAT_OBJECTS = frozenset(
    "retaliation response consequence reprisal revenge action measure step force escalation "
    "punishment".split()
)

#: Phrases of headline genres that report no act (explainers, opinion, live blogs, picture stories).
EXPLAINER_CUES = (
    "explainer", "explained", "what we know", "what to know", "things to know", "what you need to know",
    "in pictures", "in photos", "in charts", "in numbers", "in maps", "live updates", "live blog",
    "as it happened", "timeline", "fact check", "opinion:", "analysis:", "podcast", "quiz", "a look at",
    "key moments", "the latest:", "what's to know", "here is what", "here's what", "explainers", "charts that", "maps that", "everything you need",
    # titles of periodic reports and bulletins: a digest of many acts, not one dated act
    "flash update", "situation report", "sitrep", "humanitarian update", "humanitarian snapshot",
    "access snapshot", "factsheet", "fact sheet", "situation analysis", "targeted analysis", "daily brief",
    "weekly brief", "operational update", "emergency update", "response plan", "reported impact",
    # opinion polls and graphics: what respondents think or a chart of past acts
    "poll:", "survey:", "graphic:", "graphics:", "live coverage",
)

#: A numbered issue of a periodic report ("Update #12", "Situation Report No. 3", "Bulletin 41"): no event.
REPORT_SERIAL = (r"\b(update|report|bulletin|brief|briefing|snapshot|sitrep|newsletter|digest)\s*"
                 r"(#\s*|no\.?\s*|number\s*)\d+")

#: Heads of a situation rather than an actor: what "threatens" as a subject is no threat by anyone.
SITUATIONS = frozenset("war conflict crisis cut cuts stance policy situation violence escalation shortage "
                       "collapse spillover instability decision move plan fighting hunger heat "
                       "closure blockade siege offensive operation campaign battle".split())

#: Nouns of a claim whose content clause is only claimed: "claims that the army violated the truce".
CLAIM_NOUNS = frozenset("claim allegation accusation rumour rumor suggestion report reports speculation "
                        "assertion".split())

#: Heads of a running count: a trigger inside "the death toll from Israeli strikes" reports no new act.
TOLL_NOUNS = frozenset("toll tally death-toll".split())

#: Verbs of damage: in the passive without an agent or an attack ("homes destroyed in the war") they
#: report damage, not an act.
DAMAGE_VERBS = frozenset("destroy damage demolish raze flatten level bulldoze ruin wreck gut".split())

#: Heads of a place an adjectival participle names ("occupied Palestinian territory", "besieged enclave").
PLACE_HEADS = frozenset("territory territories land lands area areas zone zones region regions strip bank "
                        "heights enclave city town village quarter district".split())

#: Shares and proportions as the object of a toll or damage verb: cumulative ("destroyed 60% of homes").
SHARE_HEADS = frozenset("% percent per-cent half third quarter majority most much fifth tenth".split())

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"})

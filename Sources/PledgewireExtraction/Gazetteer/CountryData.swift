/// Every ISO 3166-1 country and territory (plus Kosovo, which uses the user-assigned code XK), one a line:
/// `alpha-2|alpha-3|short name|other names|demonyms|capital and seats of government|flags`, lists separated by `;`.
/// Flag `t`: a dependent territory, whose capital is not used as a name for a government. Capitals that are also
/// common given names or words (Victoria, Male) are left out, as are cities that host international bodies more
/// often than they stand for their country (Brussels, The Hague, Geneva). Parsed once by ``Gazetteer``.
let countryData = """
AF|AFG|Afghanistan||Afghan;Afghans|Kabul|
AX|ALA|Åland Islands|Aland Islands;Åland|Ålander||t
AL|ALB|Albania||Albanian;Albanians|Tirana|
DZ|DZA|Algeria||Algerian;Algerians|Algiers|
AS|ASM|American Samoa||American Samoan||t
AD|AND|Andorra||Andorran|Andorra la Vella|
AO|AGO|Angola||Angolan;Angolans|Luanda|
AI|AIA|Anguilla||Anguillan||t
AQ|ATA|Antarctica||||t
AG|ATG|Antigua and Barbuda|Antigua|Antiguan;Barbudan||
AR|ARG|Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires|
AM|ARM|Armenia||Armenian;Armenians|Yerevan|
AW|ABW|Aruba||Aruban||t
AU|AUS|Australia|Commonwealth of Australia|Australian;Australians|Canberra|
AT|AUT|Austria||Austrian;Austrians|Vienna|
AZ|AZE|Azerbaijan||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku|
BS|BHS|Bahamas|The Bahamas|Bahamian;Bahamians|Nassau|
BH|BHR|Bahrain||Bahraini;Bahrainis|Manama|
BD|BGD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka|
BB|BRB|Barbados||Barbadian;Barbadians|Bridgetown|
BY|BLR|Belarus|Byelorussia|Belarusian;Belarusians;Belarussian|Minsk|
BE|BEL|Belgium||Belgian;Belgians||
BZ|BLZ|Belize||Belizean;Belizeans|Belmopan|
BJ|BEN|Benin||Beninese|Porto-Novo|
BM|BMU|Bermuda||Bermudian;Bermudians||t
BT|BTN|Bhutan||Bhutanese|Thimphu|
BO|BOL|Bolivia|Plurinational State of Bolivia|Bolivian;Bolivians|La Paz;Sucre|
BQ|BES|Bonaire, Sint Eustatius and Saba|Caribbean Netherlands;Bonaire|||t
BA|BIH|Bosnia and Herzegovina|Bosnia-Herzegovina;Bosnia|Bosnian;Bosnians|Sarajevo|
BW|BWA|Botswana||Motswana;Batswana;Botswanan|Gaborone|
BV|BVT|Bouvet Island||||t
BR|BRA|Brazil|Federative Republic of Brazil|Brazilian;Brazilians|Brasília;Brasilia|
IO|IOT|British Indian Ocean Territory|Chagos Islands|||t
BN|BRN|Brunei|Brunei Darussalam|Bruneian;Bruneians|Bandar Seri Begawan|
BG|BGR|Bulgaria||Bulgarian;Bulgarians|Sofia|
BF|BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè|Ouagadougou|
BI|BDI|Burundi||Burundian;Burundians|Gitega|
CV|CPV|Cape Verde|Cabo Verde|Cape Verdean;Cape Verdeans|Praia|
KH|KHM|Cambodia||Cambodian;Cambodians|Phnom Penh|
CM|CMR|Cameroon||Cameroonian;Cameroonians|Yaoundé;Yaounde|
CA|CAN|Canada||Canadian;Canadians|Ottawa|
KY|CYM|Cayman Islands|Caymans|Caymanian||t
CF|CAF|Central African Republic||Central African;Central Africans|Bangui|
TD|TCD|Chad||Chadian;Chadians|N'Djamena;Ndjamena|
CL|CHL|Chile||Chilean;Chileans|Santiago|
CN|CHN|China|People's Republic of China;PRC|Chinese|Beijing|
CX|CXR|Christmas Island||||t
CC|CCK|Cocos (Keeling) Islands|Cocos Islands;Keeling Islands|||t
CO|COL|Colombia||Colombian;Colombians|Bogotá;Bogota|
KM|COM|Comoros||Comorian;Comorians|Moroni|
CG|COG|Republic of the Congo|Congo-Brazzaville;Congo Republic||Brazzaville|
CD|COD|Democratic Republic of the Congo|DR Congo;DRC;Congo;Congo-Kinshasa|Congolese|Kinshasa|
CK|COK|Cook Islands||Cook Islander;Cook Islanders||t
CR|CRI|Costa Rica||Costa Rican;Costa Ricans|San José;San Jose|
CI|CIV|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro|
HR|HRV|Croatia||Croatian;Croatians;Croat;Croats|Zagreb|
CU|CUB|Cuba||Cuban;Cubans|Havana|
CW|CUW|Curaçao|Curacao|Curaçaoan||t
CY|CYP|Cyprus||Cypriot;Cypriots|Nicosia|
CZ|CZE|Czech Republic|Czechia|Czech;Czechs|Prague|
DK|DNK|Denmark||Danish;Dane;Danes|Copenhagen|
DJ|DJI|Djibouti||Djiboutian;Djiboutians||
DM|DMA|Dominica|Commonwealth of Dominica||Roseau|
DO|DOM|Dominican Republic||Dominican;Dominicans|Santo Domingo|
EC|ECU|Ecuador||Ecuadorian;Ecuadorians;Ecuadorean|Quito|
EG|EGY|Egypt||Egyptian;Egyptians|Cairo|
SV|SLV|El Salvador||Salvadoran;Salvadorans;Salvadorian|San Salvador|
GQ|GNQ|Equatorial Guinea||Equatoguinean;Equatorial Guinean|Malabo|
ER|ERI|Eritrea||Eritrean;Eritreans|Asmara|
EE|EST|Estonia||Estonian;Estonians|Tallinn|
SZ|SWZ|Eswatini|Swaziland|Swazi;Swazis|Mbabane|
ET|ETH|Ethiopia||Ethiopian;Ethiopians|Addis Ababa|
FK|FLK|Falkland Islands|Falklands;Malvinas|Falkland Islander;Falkland Islanders||t
FO|FRO|Faroe Islands|Faroes|Faroese||t
FJ|FJI|Fiji||Fijian;Fijians|Suva|
FI|FIN|Finland||Finnish;Finn;Finns|Helsinki|
FR|FRA|France|French Republic|French;Frenchman;Frenchmen;Frenchwoman|Paris;Élysée;Elysee;Élysée Palace|
GF|GUF|French Guiana||French Guianese||t
PF|PYF|French Polynesia||French Polynesian||t
TF|ATF|French Southern Territories||||t
GA|GAB|Gabon||Gabonese|Libreville|
GM|GMB|Gambia|The Gambia|Gambian;Gambians|Banjul|
GE|GEO|Georgia||Georgian;Georgians|Tbilisi|
DE|DEU|Germany|Federal Republic of Germany|German;Germans|Berlin|
GH|GHA|Ghana||Ghanaian;Ghanaians|Accra|
GI|GIB|Gibraltar||Gibraltarian;Gibraltarians||t
GR|GRC|Greece|Hellenic Republic|Greek;Greeks|Athens|
GL|GRL|Greenland||Greenlandic;Greenlander;Greenlanders||t
GD|GRD|Grenada||Grenadian;Grenadians||
GP|GLP|Guadeloupe||Guadeloupean||t
GU|GUM|Guam||Guamanian||t
GT|GTM|Guatemala||Guatemalan;Guatemalans|Guatemala City|
GG|GGY|Guernsey||||t
GN|GIN|Guinea||Guinean;Guineans|Conakry|
GW|GNB|Guinea-Bissau||Bissau-Guinean|Bissau|
GY|GUY|Guyana||Guyanese|Georgetown|
HT|HTI|Haiti||Haitian;Haitians|Port-au-Prince|
HM|HMD|Heard Island and McDonald Islands||||t
VA|VAT|Vatican City|Holy See;Vatican;Vatican City State|||
HN|HND|Honduras||Honduran;Hondurans|Tegucigalpa|
HK|HKG|Hong Kong||Hongkonger;Hong Konger||t
HU|HUN|Hungary||Hungarian;Hungarians|Budapest|
IS|ISL|Iceland||Icelandic;Icelander;Icelanders|Reykjavik;Reykjavík|
IN|IND|India|Republic of India|Indian;Indians|New Delhi|
ID|IDN|Indonesia||Indonesian;Indonesians|Jakarta|
IR|IRN|Iran|Islamic Republic of Iran|Iranian;Iranians|Tehran|
IQ|IRQ|Iraq||Iraqi;Iraqis|Baghdad|
IE|IRL|Ireland|Republic of Ireland|Irish|Dublin|
IM|IMN|Isle of Man||Manx||t
IL|ISR|Israel|State of Israel|Israeli;Israelis|Jerusalem|
IT|ITA|Italy|Italian Republic|Italian;Italians|Rome|
JM|JAM|Jamaica||Jamaican;Jamaicans|Kingston|
JP|JPN|Japan||Japanese|Tokyo|
JE|JEY|Jersey||||t
JO|JOR|Jordan|Hashemite Kingdom of Jordan|Jordanian;Jordanians|Amman|
KZ|KAZ|Kazakhstan||Kazakh;Kazakhs;Kazakhstani|Astana|
KE|KEN|Kenya||Kenyan;Kenyans|Nairobi|
KI|KIR|Kiribati||I-Kiribati|Tarawa|
KP|PRK|North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Pyongyang|
KR|KOR|South Korea|Republic of Korea|South Korean;South Koreans|Seoul|
XK|XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovars;Kosovan|Pristina;Prishtina|
KW|KWT|Kuwait||Kuwaiti;Kuwaitis|Kuwait City|
KG|KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani|Bishkek|
LA|LAO|Laos|Lao People's Democratic Republic;Lao PDR|Laotian;Laotians|Vientiane|
LV|LVA|Latvia||Latvian;Latvians|Riga|
LB|LBN|Lebanon||Lebanese|Beirut|
LS|LSO|Lesotho||Basotho;Mosotho|Maseru|
LR|LBR|Liberia||Liberian;Liberians|Monrovia|
LY|LBY|Libya||Libyan;Libyans|Tripoli|
LI|LIE|Liechtenstein||Liechtensteiner||
LT|LTU|Lithuania||Lithuanian;Lithuanians|Vilnius|
LU|LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourger;Luxembourgers;Luxembourgish||
MO|MAC|Macao|Macau|Macanese||t
MG|MDG|Madagascar||Malagasy|Antananarivo|
MW|MWI|Malawi||Malawian;Malawians|Lilongwe|
MY|MYS|Malaysia||Malaysian;Malaysians|Kuala Lumpur;Putrajaya|
MV|MDV|Maldives|The Maldives|Maldivian;Maldivians|Malé|
ML|MLI|Mali||Malian;Malians|Bamako|
MT|MLT|Malta||Maltese|Valletta|
MH|MHL|Marshall Islands||Marshallese|Majuro|
MQ|MTQ|Martinique||Martinican||t
MR|MRT|Mauritania||Mauritanian;Mauritanians|Nouakchott|
MU|MUS|Mauritius||Mauritian;Mauritians|Port Louis|
YT|MYT|Mayotte||Mahoran||t
MX|MEX|Mexico|United Mexican States|Mexican;Mexicans|Mexico City|
FM|FSM|Micronesia|Federated States of Micronesia|Micronesian;Micronesians|Palikir|
MD|MDA|Moldova|Republic of Moldova|Moldovan;Moldovans|Chisinau;Chișinău;Chişinău|
MC|MCO|Monaco||Monegasque;Monégasque||
MN|MNG|Mongolia||Mongolian;Mongolians|Ulaanbaatar;Ulan Bator|
ME|MNE|Montenegro||Montenegrin;Montenegrins|Podgorica|
MS|MSR|Montserrat||Montserratian||t
MA|MAR|Morocco||Moroccan;Moroccans|Rabat|
MZ|MOZ|Mozambique||Mozambican;Mozambicans|Maputo|
MM|MMR|Myanmar|Burma|Burmese|Naypyidaw;Naypyitaw;Nay Pyi Taw|
NA|NAM|Namibia||Namibian;Namibians|Windhoek|
NR|NRU|Nauru||Nauruan;Nauruans||
NP|NPL|Nepal||Nepali;Nepalis;Nepalese|Kathmandu|
NL|NLD|Netherlands|The Netherlands;Holland|Dutch|Amsterdam|
NC|NCL|New Caledonia||New Caledonian||t
NZ|NZL|New Zealand|Aotearoa|New Zealander;New Zealanders|Wellington|
NI|NIC|Nicaragua||Nicaraguan;Nicaraguans|Managua|
NE|NER|Niger||Nigerien;Nigeriens|Niamey|
NG|NGA|Nigeria||Nigerian;Nigerians|Abuja|
NU|NIU|Niue||Niuean||t
NF|NFK|Norfolk Island||||t
MK|MKD|North Macedonia|Macedonia|Macedonian;Macedonians|Skopje|
MP|MNP|Northern Mariana Islands||||t
NO|NOR|Norway||Norwegian;Norwegians|Oslo|
OM|OMN|Oman|Sultanate of Oman|Omani;Omanis|Muscat|
PK|PAK|Pakistan||Pakistani;Pakistanis|Islamabad|
PW|PLW|Palau||Palauan|Ngerulmud|
PS|PSE|Palestine|State of Palestine;Palestinian Territories;Palestinian Authority|Palestinian;Palestinians||
PA|PAN|Panama||Panamanian;Panamanians|Panama City|
PG|PNG|Papua New Guinea||Papua New Guinean;Papua New Guineans|Port Moresby|
PY|PRY|Paraguay||Paraguayan;Paraguayans|Asunción;Asuncion|
PE|PER|Peru||Peruvian;Peruvians|Lima|
PH|PHL|Philippines|The Philippines|Filipino;Filipinos;Philippine|Manila|
PN|PCN|Pitcairn Islands|Pitcairn|||t
PL|POL|Poland||Polish;Pole;Poles|Warsaw|
PT|PRT|Portugal||Portuguese|Lisbon|
PR|PRI|Puerto Rico||Puerto Rican;Puerto Ricans||t
QA|QAT|Qatar|State of Qatar|Qatari;Qataris|Doha|
RE|REU|Réunion|Reunion|Réunionese||t
RO|ROU|Romania||Romanian;Romanians|Bucharest|
RU|RUS|Russia|Russian Federation|Russian;Russians|Moscow;Kremlin;the Kremlin|
RW|RWA|Rwanda||Rwandan;Rwandans|Kigali|
BL|BLM|Saint Barthélemy|Saint Barthelemy;St Barts|||t
SH|SHN|Saint Helena, Ascension and Tristan da Cunha|Saint Helena;St Helena|||t
KN|KNA|Saint Kitts and Nevis|St Kitts and Nevis|Kittitian;Nevisian|Basseterre|
LC|LCA|Saint Lucia|St Lucia|Saint Lucian;Saint Lucians|Castries|
MF|MAF|Saint Martin||||t
PM|SPM|Saint Pierre and Miquelon||||t
VC|VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian;Vincentians|Kingstown|
WS|WSM|Samoa||Samoan;Samoans|Apia|
SM|SMR|San Marino||Sammarinese||
ST|STP|São Tomé and Príncipe|Sao Tome and Principe|Santomean|São Tomé|
SA|SAU|Saudi Arabia|Kingdom of Saudi Arabia|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh|
SN|SEN|Senegal||Senegalese|Dakar|
RS|SRB|Serbia||Serbian;Serbians;Serb;Serbs|Belgrade|
SC|SYC|Seychelles||Seychellois||
SL|SLE|Sierra Leone||Sierra Leonean;Sierra Leoneans|Freetown|
SG|SGP|Singapore||Singaporean;Singaporeans||
SX|SXM|Sint Maarten||||t
SK|SVK|Slovakia|Slovak Republic|Slovak;Slovaks;Slovakian|Bratislava|
SI|SVN|Slovenia||Slovenian;Slovenians;Slovene;Slovenes|Ljubljana|
SB|SLB|Solomon Islands||Solomon Islander;Solomon Islanders|Honiara|
SO|SOM|Somalia||Somali;Somalis|Mogadishu|
ZA|ZAF|South Africa|Republic of South Africa|South African;South Africans|Pretoria|
GS|SGS|South Georgia and the South Sandwich Islands||||t
SS|SSD|South Sudan||South Sudanese|Juba|
ES|ESP|Spain|Kingdom of Spain|Spanish;Spaniard;Spaniards|Madrid|
LK|LKA|Sri Lanka||Sri Lankan;Sri Lankans|Colombo;Sri Jayawardenepura Kotte|
SD|SDN|Sudan||Sudanese|Khartoum|
SR|SUR|Suriname|Surinam|Surinamese|Paramaribo|
SJ|SJM|Svalbard and Jan Mayen|Svalbard|||t
SE|SWE|Sweden||Swedish;Swede;Swedes|Stockholm|
CH|CHE|Switzerland|Swiss Confederation|Swiss|Bern;Berne|
SY|SYR|Syria|Syrian Arab Republic|Syrian;Syrians|Damascus|
TW|TWN|Taiwan|Republic of China|Taiwanese|Taipei|
TJ|TJK|Tajikistan||Tajik;Tajiks;Tajikistani|Dushanbe|
TZ|TZA|Tanzania|United Republic of Tanzania|Tanzanian;Tanzanians|Dodoma|
TH|THA|Thailand||Thai;Thais|Bangkok|
TL|TLS|East Timor|Timor-Leste|Timorese|Dili|
TG|TGO|Togo||Togolese|Lomé;Lome|
TK|TKL|Tokelau||Tokelauan||t
TO|TON|Tonga||Tongan;Tongans|Nuku'alofa;Nukuʻalofa|
TT|TTO|Trinidad and Tobago|Trinidad|Trinidadian;Trinidadians;Tobagonian|Port of Spain|
TN|TUN|Tunisia||Tunisian;Tunisians|Tunis|
TR|TUR|Turkey|Türkiye;Turkiye|Turkish;Turk;Turks|Ankara|
TM|TKM|Turkmenistan||Turkmen|Ashgabat|
TC|TCA|Turks and Caicos Islands||||t
TV|TUV|Tuvalu||Tuvaluan;Tuvaluans|Funafuti|
UG|UGA|Uganda||Ugandan;Ugandans|Kampala|
UA|UKR|Ukraine||Ukrainian;Ukrainians|Kyiv;Kiev|
AE|ARE|United Arab Emirates|UAE;U.A.E.;Emirates;the Emirates|Emirati;Emiratis|Abu Dhabi|
GB|GBR|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton;Britons|London;Downing Street|
US|USA|United States|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington;White House;the White House;Pentagon;the Pentagon|
UM|UMI|United States Minor Outlying Islands||||t
UY|URY|Uruguay||Uruguayan;Uruguayans|Montevideo|
UZ|UZB|Uzbekistan||Uzbek;Uzbeks;Uzbekistani|Tashkent|
VU|VUT|Vanuatu||Ni-Vanuatu|Port Vila|
VE|VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan;Venezuelans|Caracas|
VN|VNM|Vietnam|Viet Nam|Vietnamese|Hanoi|
VG|VGB|British Virgin Islands|Virgin Islands, British|||t
VI|VIR|United States Virgin Islands|U.S. Virgin Islands;US Virgin Islands|||t
WF|WLF|Wallis and Futuna||||t
EH|ESH|Western Sahara||Sahrawi;Sahrawis||t
YE|YEM|Yemen||Yemeni;Yemenis|Sanaa;Sana'a|
ZM|ZMB|Zambia||Zambian;Zambians|Lusaka|
ZW|ZWE|Zimbabwe||Zimbabwean;Zimbabweans|Harare|
"""

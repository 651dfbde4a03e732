/// International organisations, alliances, national institutions that act in the news under their own name, and
/// news organisations, one a line: `kind|name|other names|seats|descriptions`. Kind `o` is an organisation, `g` a
/// group of states. Seats stand for the body as a capital stands for a government ("Brussels"). Descriptions are
/// lower-case definite phrases that stand for the body in running text ("the bloc"); they resolve to it only when
/// no other actor of that description was named before in the article. Parsed once by ``Gazetteer``.
let organizationData = """
o|European Union|EU;E.U.|Brussels|the bloc
o|North Atlantic Treaty Organization|NATO;North Atlantic Treaty Organisation;North Atlantic Alliance||the alliance
o|United Nations|UN;U.N.||
o|United Nations Security Council|UN Security Council;U.N. Security Council;Security Council;UNSC||
o|United Nations General Assembly|UN General Assembly;U.N. General Assembly;General Assembly;UNGA||
g|G7|Group of Seven;G-7;Group of 7||
g|G20|Group of Twenty;Group of 20;G-20||
o|European Commission|EC||the commission
o|European Council|||
o|Council of the European Union|Council of the EU||
o|European Parliament|||
o|European Central Bank|ECB||
o|European Investment Bank|EIB||
o|European Bank for Reconstruction and Development|EBRD||
o|International Monetary Fund|IMF||
o|World Bank|World Bank Group||
o|World Health Organization|WHO;World Health Organisation||
o|World Trade Organization|WTO;World Trade Organisation||
o|World Food Programme|WFP;World Food Program||
o|International Atomic Energy Agency|IAEA||
o|International Criminal Court|ICC||
o|International Court of Justice|ICJ||
o|International Committee of the Red Cross|ICRC;Red Cross||
o|United Nations High Commissioner for Refugees|UNHCR;UN refugee agency||
o|United Nations Children's Fund|UNICEF||
o|United Nations Development Programme|UNDP||
o|United Nations Relief and Works Agency|UNRWA||
o|Green Climate Fund|GCF||
o|Organization for Security and Co-operation in Europe|OSCE;Organisation for Security and Co-operation in Europe||
o|Organisation for Economic Co-operation and Development|OECD;Organization for Economic Cooperation and Development||
o|Organization of the Petroleum Exporting Countries|OPEC||
g|OPEC+|OPEC Plus||
o|Council of Europe|||
o|African Union|AU||
o|Association of Southeast Asian Nations|ASEAN||
o|Arab League|League of Arab States||
o|Gulf Cooperation Council|GCC||
o|Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization||
o|Economic Community of West African States|ECOWAS||
g|BRICS|||
o|Mercosur|Mercosul||
o|Commonwealth|Commonwealth of Nations||
o|Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation||
o|Asian Development Bank|ADB||
o|African Development Bank|AfDB||
o|Inter-American Development Bank|IDB||
o|Federal Reserve|the Fed||
o|United States Congress|U.S. Congress;US Congress;Congress;Congressional||
o|United States Senate|U.S. Senate;US Senate||
o|United States House of Representatives|U.S. House of Representatives;House of Representatives||
o|United States Department of State|State Department;U.S. State Department;US State Department||
o|United States Department of Defense|Defense Department;U.S. Defense Department;Department of Defense||
o|Bundestag|||
o|Verkhovna Rada|Rada||
o|State Duma|Duma||
o|Hamas|||
o|Hezbollah|Hizbollah||
o|Taliban|the Taliban||
o|Houthis|the Houthis;Houthi||
o|Wagner Group|Wagner||
o|Reuters|Thomson Reuters||
o|Associated Press|AP||
o|Agence France-Presse|AFP||
o|Bloomberg|Bloomberg News||
o|BBC|British Broadcasting Corporation||
o|CNN|||
o|Al Jazeera|Al-Jazeera||
o|Financial Times|FT||
o|The New York Times|New York Times||
o|The Washington Post|Washington Post||
o|The Wall Street Journal|Wall Street Journal;WSJ||
o|The Guardian|Guardian||
o|The Economist|Economist||
o|Politico|||
o|Axios|||
o|Der Spiegel|Spiegel||
o|Le Monde|||
o|Deutsche Welle|DW||
o|Sky News|||
o|Fox News|||
o|NBC News|NBC||
o|CBS News|CBS||
o|ABC News|||
o|NPR|National Public Radio||
o|TASS|Tass||
o|RIA Novosti|RIA||
o|Interfax|||
o|Xinhua|Xinhua News Agency||
o|Kyodo|Kyodo News||
o|Yonhap|Yonhap News Agency||
o|Ukrinform|||
o|Kyiv Independent|The Kyiv Independent||
o|Ukrainska Pravda|||
o|dpa|Deutsche Presse-Agentur;DPA||
o|ANSA|||
o|EFE|||
"""

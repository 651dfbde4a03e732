/// Closed word classes of English news text, lower case. Each list is a string literal parsed once into a set,
/// which keeps compile time low.
enum Lexicon {
  static func words(_ list: String) -> Set<String> {
    Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
  }

  /// Words that are capitalised only because they start a sentence or a heading, never names.
  static let functionWords = words("""
    a an the this that these those some any each every all both either neither no none another other such what
    which who whom whose whatever i you he she it we they me him her us them my your his its our their mine yours
    ours theirs and or but nor so yet for because although though while whereas if unless until when whenever
    where after before since as than whether once despite however meanwhile moreover furthermore nevertheless
    nonetheless also still even just only already now then today yesterday tomorrow tonight later earlier here rather
    there thus hence instead indeed perhaps maybe yes not never always often sometimes again ever further more
    most less many much few several last next first second third new of in on at by with from to into onto over
    under about above below across against along among around behind beneath beside between beyond during except
    inside near off outside past through throughout toward towards upon within without via per amid like unlike
    asked speaking according following under amid ahead overall separately elsewhere together asked sincerely
    finally initially additionally earlier recently currently previously afterwards instead please thanks thank
    dear hello mr mrs ms dr is are was were be been has have had do does did will would shall should can could may
    might must let yes no good great big many why how
    """)

  /// Prepositions after which a place name is a location, not an actor: "a summit in London".
  static let locativePrepositions = words("""
    in at near across throughout inside outside within around into onto towards toward through nearby beyond
    between
    """)

  /// Words after which "to X" is a destination, not a party: "a visit to Washington".
  static let motionWords = words("""
    visit visits visited visiting trip trips travel travels travelled traveled travelling traveling flew fly flies
    flying arrived arrive arrives arriving went go goes going returned return returns returning headed heading
    came come comes coming journey tour toured moved move moving back way road route deployed flights flight
    """)

  /// Nouns that head a group of actors: "European leaders", "NATO allies".
  static let groupNouns = words("""
    leaders allies partners nations countries states governments members donors ministers democracies powers
    economies neighbours neighbors counterparts signatories capitals members member-states
    """)

  /// Determiners that make a group vague rather than named: "some countries", "other nations".
  static let vagueQuantifiers = words("""
    some several many more other others few most various numerous certain all both any each every these those
    such multiple additional remaining two three four five
    """)

  /// Adjectives of a region or alliance that name a group with a group noun: "European leaders", "Western allies".
  static let groupModifiers = words("""
    european western eastern southern northern central asian african arab nordic baltic gulf latin american
    transatlantic world global allied fellow g7 g20 donor pacific atlantic balkan scandinavian rich richer wealthy
    poor poorer developing developed industrialised industrialized emerging advanced
    """)

  /// Regions that act as a group only as the subject of a verb: "Europe has promised".
  static let regions = words("""
    europe africa asia scandinavia balkans baltics caucasus sahel arctic oceania
    """)

  /// Multi-word places that are never actors (folded words joined by spaces).
  static let places = words("""
    middle_east far_east near_east latin_america south_america north_america central_america central_asia
    eastern_europe western_europe central_europe southeast_asia south_asia east_asia indo-pacific indopacific
    west_bank gaza_strip gaza crimea donbas donbass black_sea red_sea baltic_sea mediterranean_sea horn_of_africa
    south_china_sea persian_gulf arabian_peninsula korean_peninsula oval_office capitol_hill kremlin_wall
    """)

  /// Days and months: capitalised, never names.
  static let calendarWords = words("""
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter ramadan
    eid hanukkah
    """)

  /// Capitalised words that are neither names of actors nor parts of them.
  static let commonCapitalized = words("""
    god internet covid covid-19 brexit islam islamic muslim muslims christian christians jewish jews catholic
    orthodox sunni shia shiite kurdish kurds arab arabs latino western eastern northern southern european
    african asian english twitter telegram facebook instagram youtube tiktok whatsapp x gdp ceo ai lng gmt utc
    icbm himars atacms ngo ngos mp mps pm tv usd eur gbp uah bst cet est edt pst pdt ok prime minister president
    cop chancellor secretary state states general chief ministry government parliament army navy air force
    republic kingdom federation union nation nations world summit conference meeting talks war peace ceasefire
    """)

  /// Words that close a capitalised name into an organisation: "Ocean Recovery Fund", "Green Party".
  static let organizationHeads = words("""
    fund bank union council commission committee parliament congress senate assembly ministry department agency
    organization organisation party democrats republicans socialists conservatives liberals greens front
    movement forces army navy guard corps institute foundation association federation court authority service
    group company corporation corp inc ltd bureau cabinet government administration coalition alliance network
    programme secretariat board trust society university times post news journal herald press television radio
    tribune telegraph gazette daily broadcasting brigade battalion regiment command
    """)

  /// Words that close a capitalised name into an event, document or thing — never an actor: "Climate Change
  /// Conference", "Paris Agreement".
  static let eventHeads = words("""
    conference summit forum games cup war crisis treaty accord accords agreement act plan strategy initiative
    declaration charter convention day week festival olympics championship prize award meeting talks election
    elections protocol deal framework pact doctrine package project programme program law bill report
    communique statement resolution budget offensive operation campaign revolution invasion tank tanks
    """)

  /// Words that close a capitalised name into a place: "Gaza Strip", "Black Sea".
  static let placeHeads = words("""
    strip bank sea ocean river mountains mountain island islands peninsula gulf bay coast valley region province
    oblast city street square avenue road airport port bridge canal desert lake channel strait border basin
    plateau hills heights east west north south district county palace hall house building centre center office
    """)

  /// Nouns that introduce a news outlet named before them: "the e-news portal", "Le Monde daily".
  static let outletNouns = words("""
    daily newspaper paper weekly magazine portal broadcaster channel agency website outlet tabloid
    """)

  /// Words for numbers, with their values.
  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
  ]

  /// Adverbs that may stand between a subject and its verb, or a verb and its complement.
  static let adverbs = words("""
    also already now jointly formally officially previously recently then still again firmly publicly
    repeatedly further separately reportedly initially collectively unanimously together swiftly quickly finally
    soon immediately subsequently additionally promptly eventually just since ever even all both each
    """)

  static let timeWords = words("today yesterday tomorrow tonight week month year weekend earlier later")

  static let negations = words("not never no longer neither nor won't cannot can't")

  static let pronouns = words("he she it they we i")

  static let possessives = words("its their his her our my your")

  /// Words that open a subordinate clause, whose verb is not the sentence's.
  static let subordinators = words("as when if after before because while that which who once until since though although")

  static let governmentNouns = words("government administration cabinet country nation leadership")

  static let determiners = words("the a an its their his her our this that these those some many several other all both")

  /// Words for the members of a body: "Leaders of the G7", "heads of government of the EU".
  static let memberWords = words("""
    leaders leader heads head members governments ministers officials representatives countries nations states
    allies partners delegations delegates envoys
    """)

  static let prepositions = words("""
    to with for from by in on at against about over into onto under after before during across through toward
    towards among between via per despite amid than as upon within without including like
    """)
}

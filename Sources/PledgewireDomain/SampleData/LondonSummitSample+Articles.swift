import PledgewireWire

extension LondonSummitSample {
  /// The two sample articles, from two (synthetic) outlets: the report of the summit and a next-day explainer of
  /// its commitments.
  public static let articles: [ArticleSeed] = [
    ArticleSeed(
      key: "london-summit-report",
      article: Article(
        canonicalURL: "https://sample.pledgewire.example/2025/03/02/london-summit-european-leaders-ukraine-peace-plan",
        title: "Synthetic sample: European leaders agree in London to draft a Ukraine peace plan for Washington",
        outlet: "Pledgewire Synthetic Sample Wire",
        byline: "Pledgewire sample desk (a synthetic article, not a real report)",
        language: "en",
        publishedAtMs: 1_740_931_200_000,
        dateline: "LONDON",
        body: """
          European leaders have agreed to put together a peace plan for Ukraine and take it to the United States, \
          British Prime Minister Keir Starmer announced on 2 March. The plan is meant as a step towards Washington \
          offering the security guarantees that Kyiv regards as indispensable for holding Russia back.

          The leaders gathered in London only two days after Ukrainian President Volodymyr Zelensky fell out with US \
          President Donald Trump and left the US earlier than planned. At the summit they lined up behind Zelensky \
          and pledged to step up their help for Ukraine.

          Starmer, who had greeted a visibly shaken Zelensky with a warm embrace on 1 March, said Britain, Ukraine, \
          France and other willing countries would form a "coalition of the willing" to prepare the plan and put it \
          to Trump. "This is not a moment for more talk. It's time to act. Time to step up and lead and to unite \
          around a new plan for a just and enduring peace," he said.

          The leaders also agreed that Europe needs to spend more on defence, to show Trump that the continent can \
          look after its own security. With budgets in many capitals already stretched, European Commission \
          President Ursula von der Leyen proposed loosening the EU's debt rules so that governments can put more \
          money into defence.

          The angry exchange between Trump and Zelensky in the Oval Office has raised fears that the US could pull \
          back its support for Ukraine and press on it a settlement worked out with Russia. European governments are \
          now working hard to make sure Kyiv is not left out of any negotiations. Several leaders argued that higher \
          defence spending was the way to win an American security guarantee once there is peace.

          Defence investment would have to be sustained over a long period, von der Leyen said. Donald Tusk, \
          Poland's prime minister, argued that paying for larger defence budgets within NATO was a load Europe \
          itself should carry. Both stressed that Europe must keep its ties with the US close.

          Europe does not have the stocks of weapons and ammunition that the US holds. It hopes to persuade Trump \
          that it can defend itself, while arguing that Russia will respect a peace deal only if the United States \
          stands behind it. Discussions with the US have turned on what cover it could give a European peacekeeping \
          force, such as air cover, intelligence and surveillance.

          If an agreement is reached, Starmer and French President Emmanuel Macron are ready to send British and \
          French troops into Ukraine to help keep the peace, both have said. Mark Rutte, NATO's secretary-general, \
          said a growing number of European countries had promised to spend more on defence, and insisted that \
          America's commitment to the transatlantic alliance stands.

          Those taking part in the summit included France, Germany, Denmark, Italy, Turkey, NATO and the European \
          Union. In a further gesture of support, Zelensky also met King Charles III at the monarch's private \
          Sandringham estate in eastern England.

          Trump's return to the White House in January turned US policy on the three-year-old war on its head, \
          leaving Ukraine and Europe unsure of American support and ending the isolation of Moscow. Europe was taken \
          by surprise when Trump rang Russia's President Vladimir Putin unannounced, and again when a US delegation \
          went to Saudi Arabia to talk to Russia with neither Ukraine nor Europe at the table. Trump has also \
          wrongly blamed Kyiv for the war and complained that Zelensky is not grateful enough for US aid.

          Seeing Zelensky and Trump argue in the Oval Office had been uncomfortable, Starmer admitted, but he said \
          the discussion had to be taken forward, and he has offered to act as a go-between for Europe and the US.

          White House national security adviser Mike Waltz told CNN on 2 March that the US needs a Ukrainian leader \
          ready to make a durable peace with Russia, and it is not clear that Zelensky fits that description. Sergei \
          Lavrov, Russia's foreign minister, welcomed Trump's "common sense" approach and charged that European \
          countries were keeping the conflict going by standing behind Zelensky with peacekeeping units.

          At a news conference, Starmer said European leaders had agreed to make sure Kyiv takes part in any peace \
          talks and to strengthen Ukraine's defences. "Europe must do the heavy lifting, but to support peace in our \
          continent, and to succeed this effort must have strong US backing," he said.
          """,
        labels: ["synthetic-sample", "ukraine", "london-summit", "defence", "peace-plan"]
      ),
      mentions: [
        (actorKey: "european-leaders", surface: "European leaders"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-states", surface: "Washington"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "united-states", surface: "US"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "united-states", surface: "US"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "united-kingdom", surface: "Britain"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "france", surface: "France"),
        (actorKey: "coalition-of-the-willing", surface: "coalition of the willing"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "european-commission", surface: "European Commission"),
        (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"), (actorKey: "european-union", surface: "EU"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "united-states", surface: "US"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"), (actorKey: "donald-tusk", surface: "Tusk"),
        (actorKey: "poland", surface: "Poland"), (actorKey: "nato", surface: "NATO"),
        (actorKey: "united-states", surface: "US"), (actorKey: "united-states", surface: "US"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "united-states", surface: "US"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "emmanuel-macron", surface: "Macron"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "mark-rutte", surface: "Rutte"),
        (actorKey: "nato", surface: "NATO"), (actorKey: "european-countries", surface: "European countries"),
        (actorKey: "france", surface: "France"),
        (actorKey: "germany", surface: "Germany"), (actorKey: "denmark", surface: "Denmark"),
        (actorKey: "italy", surface: "Italy"), (actorKey: "turkey", surface: "Turkey"),
        (actorKey: "nato", surface: "NATO"), (actorKey: "european-union", surface: "European Union"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "king-charles-iii", surface: "King Charles III"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "united-states", surface: "US"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "russia", surface: "Moscow"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "united-states", surface: "US"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "united-states", surface: "US"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "united-states", surface: "US"),
        (actorKey: "united-states", surface: "US"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "european-leaders", surface: "European leaders"),
        (actorKey: "ukraine", surface: "Kyiv"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "US"),
      ]
    ),
    ArticleSeed(
      key: "london-summit-explainer",
      article: Article(
        canonicalURL: "https://review.sample.pledgewire.example/2025/03/03/what-europe-promised-ukraine-at-the-london-summit",
        title: "Synthetic sample: what Europe's leaders promised Ukraine at the London summit",
        outlet: "Pledgewire Synthetic Sample Review",
        byline: "Pledgewire sample desk (a synthetic article, not a real report)",
        language: "en",
        publishedAtMs: 1_741_003_200_000,
        dateline: "LONDON",
        body: """
          The London summit on 2 March did not produce a settlement for Ukraine, but it did leave a list of \
          commitments. This is what the leaders said they would do.

          A peace plan for Washington. European leaders agreed to draw up a plan to end the war in Ukraine and \
          present it to the United States. Keir Starmer, the British prime minister, said the UK, France, Ukraine \
          and other willing countries would form a "coalition of the willing". That coalition is to draw up the plan \
          and take it to Donald Trump.

          Troops, but only after a deal. Starmer and Emmanuel Macron, the French president, have said British and \
          French troops could go to Ukraine to help keep the peace, but only once an agreement is reached. Until \
          then the offer stays on paper.

          Bigger defence budgets. Leaders agreed that Europe must spend more on defence. Ursula von der Leyen, who \
          heads the European Commission, wants the EU's debt rules relaxed to make room for that spending, and \
          Donald Tusk of Poland said Europe should shoulder the cost of bigger defence budgets within NATO; neither \
          remark was a promise. Mark Rutte, the alliance's secretary-general, said more European countries had \
          promised to raise their spending.

          A seat at the table. The leaders said they would make sure Kyiv takes part in any peace talks, after US \
          officials sat down with Russia in Saudi Arabia without Ukraine in the room.

          Help for Ukraine. The leaders promised to do more to help Ukraine. European leaders also agreed to \
          strengthen the country's defences.

          A bridge to Washington. Starmer has offered to act as a go-between for Europe and the US after the clash \
          between Volodymyr Zelensky and Donald Trump in the Oval Office two days before the summit.

          What is still missing is American backing. Starmer has said Europe must do the heavy lifting, but that the \
          effort can only succeed with strong US support.
          """,
        labels: ["synthetic-sample", "ukraine", "london-summit", "defence", "explainer"]
      ),
      mentions: [
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "united-states", surface: "Washington"),
        (actorKey: "european-leaders", surface: "European leaders"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-kingdom", surface: "UK"), (actorKey: "france", surface: "France"),
        (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "coalition-of-the-willing", surface: "coalition of the willing"),
        (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "emmanuel-macron", surface: "Macron"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"),
        (actorKey: "european-commission", surface: "European Commission"),
        (actorKey: "european-union", surface: "EU"), (actorKey: "donald-tusk", surface: "Tusk"),
        (actorKey: "poland", surface: "Poland"), (actorKey: "nato", surface: "NATO"),
        (actorKey: "mark-rutte", surface: "Rutte"), (actorKey: "european-countries", surface: "more European countries"),
        (actorKey: "ukraine", surface: "Kyiv"), (actorKey: "united-states", surface: "US"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "european-leaders", surface: "European leaders"),
        (actorKey: "united-states", surface: "Washington"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-states", surface: "US"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-states", surface: "US"),
      ]
    ),
  ]
}

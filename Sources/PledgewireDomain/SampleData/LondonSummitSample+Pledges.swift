import PledgewireWire

extension LondonSummitSample {
  /// 2 March 2025, the day of the summit (made_precision DAY).
  static let summitDay: Int64 = 1_740_873_600_000

  /// A pledge made at the summit, with the day as its date and the sample's labels.
  private static func made(
    _ action: String, _ category: PledgeCategory, _ modality: Modality, condition: Condition? = nil, makersIncomplete: Bool = false
  ) -> Pledge {
    Pledge(
      action: action, category: category, modality: modality, condition: condition, madeAtMs: summitDay, madePrecision: .day,
      makersIncomplete: makersIncomplete, labels: ["synthetic-sample", "london-summit"]
    )
  }

  /// The pledges the report supports, each announced in the report and carried by the second outlet's explainer
  /// (REPORTS). What the report quotes as opinions — easing the EU's debt rules, Europe carrying the burden of
  /// defence budgets — are statements, not pledges, and are not here.
  public static let pledges: [PledgeSeed] = [
    PledgeSeed(
      key: "european-peace-plan",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: made("draft a peace plan for Ukraine and present it to the United States", .peaceProcess, .agreement),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "European leaders have agreed to put together a peace plan for Ukraine and take it to the United States",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "European leaders agreed to draw up a plan to end the war in Ukraine and present it to the United States",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "form-coalition-of-the-willing",
      parties: [
        (actorKey: "united-kingdom", role: .maker), (actorKey: "ukraine", role: .maker), (actorKey: "france", role: .maker),
        (actorKey: "keir-starmer", role: .announcer),
      ],
      pledge: made("form a \"coalition of the willing\"", .peaceProcess, .intent, makersIncomplete: true),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "Britain, Ukraine, France and other willing countries would form a \"coalition of the willing\"",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "the UK, France, Ukraine and other willing countries would form a \"coalition of the willing\"",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "coalition-drafts-plan-for-trump",
      parties: [
        (actorKey: "coalition-of-the-willing", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: made("draw up the peace plan and put it to Donald Trump", .peaceProcess, .intent),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "a \"coalition of the willing\" to prepare the plan and put it to Trump",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "That coalition is to draw up the plan and take it to Donald Trump.",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "peacekeeping-troops",
      parties: [
        (actorKey: "united-kingdom", role: .maker), (actorKey: "france", role: .maker),
        (actorKey: "keir-starmer", role: .announcer), (actorKey: "emmanuel-macron", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: made(
        "send British and French troops to Ukraine to help keep the peace", .troopDeployment, .offer,
        condition: Condition(text: "if a peace agreement is reached", state: .pending)
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "If an agreement is reached, Starmer and French President Emmanuel Macron are ready to send British and French troops into Ukraine to help keep the peace",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote:
            "Starmer and Emmanuel Macron, the French president, have said British and French troops could go to Ukraine to help keep the peace, but only once an agreement is reached",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "ukraine-in-peace-talks",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: made("make sure Ukraine takes part in any peace talks", .diplomatic, .agreement),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "Starmer said European leaders had agreed to make sure Kyiv takes part in any peace talks",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "The leaders said they would make sure Kyiv takes part in any peace talks",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "raise-defence-spending",
      parties: [(actorKey: "european-leaders", role: .maker)],
      pledge: made("spend more on defence to show that Europe can look after its own security", .defenceSpending, .agreement),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "The leaders also agreed that Europe needs to spend more on defence, to show Trump that the continent can look after its own security.",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Leaders agreed that Europe must spend more on defence.",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "strengthen-ukraine-defences",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: made("strengthen Ukraine's defences", .militaryAid, .agreement),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "Starmer said European leaders had agreed to make sure Kyiv takes part in any peace talks and to strengthen Ukraine's defences",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "European leaders also agreed to strengthen the country's defences.",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "do-more-for-ukraine",
      parties: [(actorKey: "leaders-at-london-summit", role: .maker), (actorKey: "ukraine", role: .beneficiary)],
      pledge: made("do more to help Ukraine", .other, .promise, makersIncomplete: true),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "At the summit they lined up behind Zelensky and pledged to step up their help for Ukraine.",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "The leaders promised to do more to help Ukraine.",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "more-countries-raise-defence-spending",
      parties: [(actorKey: "european-countries", role: .maker), (actorKey: "mark-rutte", role: .announcer)],
      pledge: made("raise their defence spending", .defenceSpending, .promise, makersIncomplete: true),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "Mark Rutte, NATO's secretary-general, said a growing number of European countries had promised to spend more on defence",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Mark Rutte, the alliance's secretary-general, said more European countries had promised to raise their spending",
          stance: .reports
        ),
      ]
    ),
    PledgeSeed(
      key: "starmer-bridge-to-washington",
      parties: [(actorKey: "keir-starmer", role: .maker)],
      pledge: made("act as a go-between for Europe and the United States", .diplomatic, .offer),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "he has offered to act as a go-between for Europe and the US",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Starmer has offered to act as a go-between for Europe and the US",
          stance: .reports
        ),
      ]
    ),
  ]
}

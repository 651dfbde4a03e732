import ArgumentParser
import PledgewireClient

struct ActorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actor",
    abstract: "Add, read, list, update and resolve actors.",
    subcommands: [Add.self, Get.self, List.self, Update.self, Resolve.self]
  )

  static let columns: [Output.Column<Actor>] = [
    .init(title: "ID", value: { String($0.id) }),
    .init(title: "KIND", value: { EnumArgument.display($0.kind) }),
    .init(title: "NAME", value: { $0.canonicalName }),
    .init(title: "COUNTRY", value: { $0.countryCode }),
    .init(title: "ALIASES", value: { $0.aliases.joined(separator: ", ") }, wraps: true),
  ]

  static func fields(_ actor: Actor) -> [(String, String)] {
    [
      ("id", String(actor.id)), ("kind", EnumArgument.display(actor.kind)), ("name", actor.canonicalName),
      ("aliases", actor.aliases.joined(separator: ", ")), ("role", actor.role), ("country", actor.countryCode),
      ("affiliations", actor.affiliations.map { "\(EnumArgument.display($0.kind)) \($0.actorID)" }.joined(separator: ", ")),
      ("external ids", actor.externalIDs.map { "\($0.scheme):\($0.value)" }.joined(separator: ", ")),
      ("description", actor.description), ("version", String(actor.version)),
      ("created", Dates.format(actor.createdAtMs)), ("updated", Dates.format(actor.updatedAtMs)),
    ]
  }

  /// "12:official-of".
  static func affiliation(_ text: String) throws -> Affiliation {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let id = Int64(parts[0]) else {
      throw ValidationError("--affiliation: \"\(text)\" is not ACTOR_ID:KIND, e.g. 12:official-of")
    }
    return Affiliation(actorID: id, kind: try EnumArgument.parse(String(parts[1]), option: "--affiliation"))
  }

  /// "wikidata:Q145".
  static func externalID(_ text: String) throws -> ExternalId {
    guard let colon = text.firstIndex(of: ":") else {
      throw ValidationError("--external-id: \"\(text)\" is not SCHEME:VALUE, e.g. wikidata:Q145")
    }
    return ExternalId(scheme: String(text[..<colon]), value: String(text[text.index(after: colon)...]))
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an actor.",
      discussion: """
        Example:
          pledgewire actor add --kind person --name "Keir Starmer" --alias Starmer \\
            --role "Prime Minister of the United Kingdom" --affiliation 3:official-of
        """
    )
    @Option(help: "person, country, organization or group.") var kind: String
    @Option(help: "Canonical name.") var name: String
    @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
    @Option(help: "Role or title.") var role = ""
    @Option(help: "ISO 3166-1 alpha-3 country code.") var country = ""
    @Option(help: "ACTOR_ID:KIND, kind one of official-of, member-of, has-member (repeatable).") var affiliation: [String] = []
    @Option(help: "SCHEME:VALUE, e.g. wikidata:Q145 (repeatable).") var externalId: [String] = []
    @Option(help: "Description.") var description = ""
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let actor = Actor(
        kind: try EnumArgument.parse(kind, option: "--kind"), canonicalName: name, aliases: alias, role: role,
        countryCode: country, affiliations: try affiliation.map(ActorCommand.affiliation),
        externalIDs: try externalId.map(ActorCommand.externalID), description: description
      )
      try await options.run { client, output in
        let created = try await client.actor.createActor(CreateActorRequest(actor: actor), options: options.callOptions)
        output.record(created, ActorCommand.fields(created))
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an actor.", discussion: "Example:\n  pledgewire actor get 42")
    @Argument(help: "Actor id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let actor = try await client.actor.getActor(GetActorRequest(id: id), options: options.callOptions)
        output.record(actor, ActorCommand.fields(actor))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List actors by name.",
      discussion: "Example:\n  pledgewire actor list --kind country --prefix uni"
    )
    @Option(help: "person, country, organization or group.") var kind: String?
    @Option(help: "Names or aliases starting with this (case and accents ignored).") var prefix = ""
    @Option(help: "Rows per page, 1...1000.") var limit: Int32 = 50
    @Option(help: "Continue from a page token.") var pageToken = ""
    @Flag(help: "Fetch every page.") var all = false
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListActorsRequest(
        kind: try kind.map { try EnumArgument.parse($0, option: "--kind") } ?? .unspecified,
        namePrefix: prefix, pageSize: limit, pageToken: pageToken
      )
      try await options.run { client, output in
        var actors: [Actor] = []
        repeat {
          let page = try await client.actor.listActors(request, options: options.callOptions)
          actors += page.actors
          request.pageToken = page.nextPageToken
        } while all && !request.pageToken.isEmpty
        output.list(actors, ActorCommand.columns)
        if !request.pageToken.isEmpty {
          output.note("next page: --page-token \(request.pageToken)")
        }
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change an actor. Only the fields given change; --version must be the version you read.",
      discussion: "Example:\n  pledgewire actor update 42 --version 3 --alias Starmer --alias \"Sir Keir\""
    )
    @Argument(help: "Actor id.") var id: Int64
    @Option(help: "The version you read (see actor get).") var version: Int64
    @Option(help: "person, country, organization or group.") var kind: String?
    @Option(help: "Canonical name.") var name: String?
    @Option(help: "Replace the aliases with these (repeatable).") var alias: [String] = []
    @Flag(help: "Remove every alias.") var clearAliases = false
    @Option(help: "Role or title.") var role: String?
    @Option(help: "ISO 3166-1 alpha-3 country code.") var country: String?
    @Option(help: "Replace the affiliations: ACTOR_ID:KIND (repeatable).") var affiliation: [String] = []
    @Option(help: "Description.") var description: String?
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var actor = Actor(id: id, version: version)
      var mask: [String] = []
      if let kind {
        actor.kind = try EnumArgument.parse(kind, option: "--kind")
        mask.append("kind")
      }
      if let name {
        actor.canonicalName = name
        mask.append("canonical_name")
      }
      if !alias.isEmpty || clearAliases {
        actor.aliases = alias
        mask.append("aliases")
      }
      if let role {
        actor.role = role
        mask.append("role")
      }
      if let country {
        actor.countryCode = country
        mask.append("country_code")
      }
      if !affiliation.isEmpty {
        actor.affiliations = try affiliation.map(ActorCommand.affiliation)
        mask.append("affiliations")
      }
      if let description {
        actor.description = description
        mask.append("description")
      }
      guard !mask.isEmpty else {
        throw ValidationError("nothing to change: give at least one of --kind, --name, --alias, --role, --country, --affiliation, --description")
      }
      try await options.run { client, output in
        let updated = try await client.actor.updateActor(UpdateActorRequest(actor: actor, updateMask: mask), options: options.callOptions)
        output.record(updated, ActorCommand.fields(updated))
      }
    }
  }

  struct Resolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the actors a name may mean: canonical names, aliases, capitals, other spellings.",
      discussion: "Example:\n  pledgewire actor resolve Zelenskyy"
    )
    @Argument(help: "A name as written in an article.") var name: String
    @Option(help: "Only this kind.") var kind: String?
    @Option(help: "Candidates, 1...100.") var limit: Int32 = 10
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let request = ResolveActorRequest(
        name: name, kind: try kind.map { try EnumArgument.parse($0, option: "--kind") } ?? .unspecified, maxCandidates: limit
      )
      try await options.run { client, output in
        let candidates = try await client.actor.resolveActor(request, options: options.callOptions).candidates
        output.list(candidates, [
          .init(title: "ID", value: { String($0.actor?.id ?? 0) }),
          .init(title: "SCORE", value: { String(format: "%.3f", $0.score) }),
          .init(title: "NAME", value: { $0.actor?.canonicalName ?? "" }),
          .init(title: "KIND", value: { $0.actor.map { EnumArgument.display($0.kind) } ?? "" }),
          .init(title: "MATCHED", value: { $0.matchedName }),
        ], empty: "no actor matches \"\(name)\"")
      }
    }
  }
}

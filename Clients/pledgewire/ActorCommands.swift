import ArgumentParser
import PledgewireClient

struct ActorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actor",
    abstract: "Add, read, list, update, resolve, merge and delete actors.",
    subcommands: [Add.self, Get.self, List.self, Update.self, Resolve.self, Merge.self, Delete.self, Audit.self]
  )

  static let columns: [Output.Column<Actor>] = [
    .init(title: "ID", value: { String($0.id) }),
    .init(title: "KIND", value: { EnumArgument.display($0.kind) }),
    .init(title: "NAME", value: { $0.canonicalName }),
    .init(title: "COUNTRY", value: { $0.countryCode }),
    .init(title: "ALIASES", value: { $0.aliases.joined(separator: ", ") }, wraps: true),
  ]

  static func fields(_ actor: Actor, _ names: ActorNames) -> [(String, String)] {
    [
      ("id", String(actor.id)), ("kind", EnumArgument.display(actor.kind)), ("name", actor.canonicalName),
      ("aliases", actor.aliases.joined(separator: ", ")), ("role", actor.role), ("country", actor.countryCode),
      ("affiliations", actor.affiliations.map { "\(EnumArgument.display($0.kind)) \(names.label($0.actorID))" }.joined(separator: ", ")),
      ("external ids", actor.externalIDs.map { "\($0.scheme):\($0.value)" }.joined(separator: ", ")),
      ("labels", actor.labels.joined(separator: ", ")), ("description", actor.description),
      ("merged into", actor.mergedIntoID == 0 ? "" : "\(names.label(actor.mergedIntoID)) (this actor is a merged duplicate)"),
      ("merged", actor.mergedIDs.map(String.init).joined(separator: ", ")), ("version", String(actor.version)),
      ("created", Dates.format(actor.createdAtMs)), ("updated", Dates.format(actor.updatedAtMs)),
    ]
  }

  /// Prints one actor with names beside the ids it refers to.
  static func show(_ actor: Actor, _ client: PledgewireClient, _ options: ClientOptions, _ output: Output) async {
    let names = output.isJSON ? ActorNames() : await ActorNames.fetch(actor.affiliations.map(\.actorID) + [actor.mergedIntoID], client, options.callOptions)
    output.record(actor, fields(actor, names))
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
            --role "Prime Minister of the United Kingdom" \\
            --affiliation 3:official-of
        """
    )
    @Option(help: "person, country, organization or group.", completion: EnumArgument.completion(ActorKind.self)) var kind: String?
    @Option(help: "Canonical name.") var name: String?
    @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
    @Option(help: "Role or title.") var role = ""
    @Option(help: "ISO 3166-1 alpha-3 country code.") var country = ""
    @Option(help: "ACTOR_ID:KIND, kind one of official-of, member-of, has-member (repeatable).") var affiliation: [String] = []
    @Option(help: "SCHEME:VALUE, e.g. wikidata:Q145 (repeatable).") var externalId: [String] = []
    @Option(help: "Description.") var description = ""
    @Option(help: "A label (repeatable).") var label: [String] = []
    @OptionGroup var input: JSONInput
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try input.exclude(["--kind": kind != nil, "--name": name != nil, "--alias": !alias.isEmpty, "--affiliation": !affiliation.isEmpty])
      let json = try input.read(Actor.self)
      let actor = try json ?? flagged()
      try await options.run(flags: json == nil ? .actor : [:]) { client, output in
        let created = try await client.actor.createActor(CreateActorRequest(actor: actor), options: options.callOptions)
        await ActorCommand.show(created, client, options, output)
      }
    }

    /// The actor the flags describe.
    private func flagged() throws -> Actor {
      guard let kind else { throw ValidationError("--kind: one of \(EnumArgument.choices(ActorKind.self)) (or --json-input)") }
      guard let name else { throw ValidationError("--name: the actor's canonical name") }
      return Actor(
        kind: try EnumArgument.parse(kind, option: "--kind"), canonicalName: name, aliases: alias, role: role,
        countryCode: country, affiliations: try affiliation.map(ActorCommand.affiliation),
        externalIDs: try externalId.map(ActorCommand.externalID), description: description, labels: label
      )
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an actor.", discussion: "Example:\n  pledgewire actor get 42")
    @Argument(help: "Actor id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let actor = try await client.actor.getActor(GetActorRequest(id: id), options: options.callOptions)
        await ActorCommand.show(actor, client, options, output)
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List actors by name.",
      discussion: "Example:\n  pledgewire actor list --kind country --prefix uni"
    )
    @Option(help: "person, country, organization or group.", completion: EnumArgument.completion(ActorKind.self)) var kind: String?
    @Option(help: "Names or aliases starting with this (case and accents ignored).") var prefix = ""
    @Option(help: "With this label.") var label = ""
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListActorsRequest(
        kind: try kind.map { try EnumArgument.parse($0, option: "--kind") } ?? .unspecified,
        namePrefix: prefix, pageSize: paging.limit, pageToken: paging.pageToken, label: label
      )
      try await options.run { client, output in
        var actors: [Actor] = []
        repeat {
          let page = try await client.actor.listActors(request, options: options.callOptions)
          actors += page.actors
          request.pageToken = page.nextPageToken
        } while paging.all && !request.pageToken.isEmpty
        output.list(actors, ActorCommand.columns)
        output.nextPage(request.pageToken)
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change an actor. Only what is given changes; --version must be the version you read.",
      discussion: """
        Aliases and affiliations are added and removed one by one; the others stay.
        Example:
          pledgewire actor update 42 --version 3 --add-alias "Sir Keir" \\
            --remove-alias "K. Starmer" --add-label uk
        """
    )
    @Argument(help: "Actor id.") var id: Int64
    @Option(help: "The version you read (see actor get).") var version: Int64
    @Option(help: "person, country, organization or group.", completion: EnumArgument.completion(ActorKind.self)) var kind: String?
    @Option(help: "Canonical name.") var name: String?
    @Option(help: "Add an alias (repeatable).") var addAlias: [String] = []
    @Option(help: "Remove an alias, case and accents ignored (repeatable).") var removeAlias: [String] = []
    @Flag(help: "Remove every alias (before --add-alias).") var clearAliases = false
    @Option(help: "Role or title.") var role: String?
    @Option(help: "ISO 3166-1 alpha-3 country code.") var country: String?
    @Option(help: "Add an affiliation ACTOR_ID:KIND (repeatable).") var addAffiliation: [String] = []
    @Option(help: "Remove an affiliation ACTOR_ID:KIND (repeatable).") var removeAffiliation: [String] = []
    @Option(help: "Description.") var description: String?
    @Option(help: "Replace the labels with these (repeatable).") var label: [String] = []
    @Flag(help: "Remove every label.") var clearLabels = false
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
      if clearAliases {
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
      if let description {
        actor.description = description
        mask.append("description")
      }
      if !label.isEmpty || clearLabels {
        actor.labels = label
        mask.append("labels")
      }
      let request = UpdateActorRequest(
        actor: actor, updateMask: mask, addAliases: addAlias, removeAliases: removeAlias,
        addAffiliations: try addAffiliation.map(ActorCommand.affiliation), removeAffiliations: try removeAffiliation.map(ActorCommand.affiliation)
      )
      guard !mask.isEmpty || !addAlias.isEmpty || !removeAlias.isEmpty || !addAffiliation.isEmpty || !removeAffiliation.isEmpty else {
        throw ValidationError("nothing to change: give at least one option (see --help)")
      }
      try await options.run { client, output in
        let updated = try await client.actor.updateActor(request, options: options.callOptions)
        await ActorCommand.show(updated, client, options, output)
      }
    }
  }

  struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge a duplicate actor into the one that stays.",
      discussion: """
        The duplicate's names become the survivor's aliases; its pledges, mentions and affiliations move to the
        survivor; it stays as a tombstone that actor get shows with "merged into".
        Example:
          pledgewire actor merge 5 31
        """
    )
    @Argument(help: "The actor that stays.") var survivor: Int64
    @Argument(help: "The duplicate merged into it.") var duplicate: Int64
    @Option(help: "Fail unless the survivor is still at this version.") var survivorVersion: Int64 = 0
    @Option(help: "Fail unless the duplicate is still at this version.") var duplicateVersion: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let merged = try await client.actor.mergeActors(MergeActorsRequest(
          survivorID: survivor, duplicateID: duplicate, survivorVersion: survivorVersion, duplicateVersion: duplicateVersion
        ), options: options.callOptions)
        await ActorCommand.show(merged, client, options, output)
      }
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete an actor nothing refers to. One that pledges, mentions or affiliations name is better merged.",
      discussion: "Example:\n  pledgewire actor delete 31"
    )
    @Argument(help: "Actor id.") var id: Int64
    @Option(help: "Fail unless the actor is still at this version.") var version: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let response = try await client.actor.deleteActor(DeleteActorRequest(id: id, expectedVersion: version), options: options.callOptions)
        output.record(response, [("deleted", "actor \(id)")])
      }
    }
  }

  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every write to an actor: who, when, through which call, versions before and after.",
      discussion: "Example:\n  pledgewire actor audit 4"
    )
    @Argument(help: "Actor id.") var id: Int64
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await AuditCommand.list(ListAuditEntriesRequest(recordType: .actor, recordID: id), paging, options)
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

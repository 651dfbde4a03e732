import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.ActorService`: people, countries, organisations and groups, with aliases and affiliations.
public struct ActorServiceHandler: ActorService.ServiceProtocol {
  let store: any PledgewireStore
  let now: @Sendable () -> Int64

  /// The fields UpdateActor may replace.
  static let mutableFields: Set<String> = [
    "kind", "canonical_name", "aliases", "role", "country_code", "affiliations", "external_ids", "description",
  ]

  public init(store: any PledgewireStore, now: @escaping @Sendable () -> Int64 = WallClock.now) {
    self.store = store
    self.now = now
  }

  public func register(in router: inout Router) {
    registerMethods(in: &router)
    // GetActor answers from the store's actor cache right on the I/O loop when it can.
    router.unary(ActorService.GetActor.self, fastPath: { request, _ in
      try FieldCheck.positive(request.id, "id")
      return store.cachedActor(id: request.id)
    }) { request, context in
      try await getActor(request, context: context)
    }
  }

  public func createActor(_ request: CreateActorRequest, context: ServerContext) async throws -> Actor {
    try await create([request])[0].get()
  }

  public func getActor(_ request: GetActorRequest, context: ServerContext) async throws -> Actor {
    try FieldCheck.positive(request.id, "id")
    guard let actor = try await store.actor(id: request.id) else {
      throw RPCError(.notFound, "actor \(request.id) does not exist")
    }
    return actor
  }

  public func resolveActor(_ request: ResolveActorRequest, context: ServerContext) async throws -> ResolveActorResponse {
    try FieldCheck.required(request.name, "name", max: 300)
    try FieldCheck.known(request.kind, "kind", allowUnspecified: true)
    guard request.maxCandidates >= 0 && request.maxCandidates <= 100 else {
      throw RPCError.invalidArgument(field: "max_candidates", "must be 1...100 (or 0 for 10)")
    }
    let candidates = try await store.resolveActors(
      request.name, kind: request.kind == .unspecified ? nil : request.kind,
      limit: request.maxCandidates == 0 ? 10 : Int(request.maxCandidates)
    )
    return ResolveActorResponse(candidates: candidates)
  }

  public func importActors(_ requests: RequestStream<CreateActorRequest>, context: ServerContext) async throws -> ImportResponse {
    try await Importer.run(requests) { batch in
      try await create(batch).map { $0.map(\.id) }
    }
  }

  public func mergeActors(_ request: MergeActorsRequest, context: ServerContext) async throws -> Actor {
    throw RPCError(.unimplemented, "MergeActors is not implemented yet")
  }

  public func deleteActor(_ request: DeleteActorRequest, context: ServerContext) async throws -> DeleteActorResponse {
    throw RPCError(.unimplemented, "DeleteActor is not implemented yet")
  }

  /// Validates and inserts actors, each on its own.
  func create(_ requests: [CreateActorRequest]) async throws -> [Result<Actor, RPCError>] {
    var prepared: [Result<Actor, RPCError>] = []
    let referenced = Set(requests.flatMap { $0.actor?.affiliations.map(\.actorID) ?? [] })
    let existing = try await store.existingActorIDs(referenced)
    for request in requests {
      prepared.append(Result {
        guard let actor = request.actor else {
          throw RPCError.invalidArgument(field: "actor", "is required")
        }
        try Self.validate(actor, field: "actor")
        try Self.checkReferences(actor, existing: existing, field: "actor")
        return actor
      }.mapError { $0 as? RPCError ?? RPCError(.internal, "\($0)") })
    }
    let valid = prepared.compactMap { try? $0.get() }
    var stored = (valid.isEmpty ? [] : try await store.insertActors(valid, now: now())).makeIterator()
    return prepared.map { result in result.flatMap { _ in stored.next()! } }
  }

  static func validate(_ actor: Actor, field: String) throws {
    try FieldCheck.known(actor.kind, "\(field).kind")
    try FieldCheck.required(actor.canonicalName, "\(field).canonical_name", max: 300)
    try FieldCheck.count(actor.aliases, "\(field).aliases", max: 200)
    for (index, alias) in actor.aliases.enumerated() {
      try FieldCheck.required(alias, "\(field).aliases[\(index)]", max: 300)
    }
    try FieldCheck.length(actor.role, "\(field).role", max: 300)
    try FieldCheck.countryCode(actor.countryCode, "\(field).country_code")
    try FieldCheck.length(actor.description, "\(field).description", max: 5_000)
    try FieldCheck.count(actor.affiliations, "\(field).affiliations", max: 500)
    for (index, affiliation) in actor.affiliations.enumerated() {
      try FieldCheck.positive(affiliation.actorID, "\(field).affiliations[\(index)].actor_id")
      try FieldCheck.known(affiliation.kind, "\(field).affiliations[\(index)].kind")
      if affiliation.actorID == actor.id && actor.id != 0 {
        throw RPCError.invalidArgument(field: "\(field).affiliations[\(index)].actor_id", "an actor cannot be affiliated with itself")
      }
    }
    try FieldCheck.count(actor.externalIDs, "\(field).external_ids", max: 50)
    for (index, external) in actor.externalIDs.enumerated() {
      try FieldCheck.required(external.scheme, "\(field).external_ids[\(index)].scheme", max: 100)
      try FieldCheck.required(external.value, "\(field).external_ids[\(index)].value", max: 300)
    }
  }

  static func checkReferences(_ actor: Actor, existing: Set<Int64>, field: String) throws {
    for (index, affiliation) in actor.affiliations.enumerated() where !existing.contains(affiliation.actorID) {
      throw RPCError(
        .notFound,
        "\(field).affiliations[\(index)].actor_id: actor \(affiliation.actorID) does not exist",
        details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: "\(field).affiliations[\(index)].actor_id", description: "actor \(affiliation.actorID) does not exist")])
      )
    }
  }

  public func updateActor(_ request: UpdateActorRequest, context: ServerContext) async throws -> Actor {
    guard let changes = request.actor else {
      throw RPCError.invalidArgument(field: "actor", "is required")
    }
    try FieldCheck.positive(changes.id, "actor.id")
    guard changes.version > 0 else {
      throw RPCError.invalidArgument(field: "actor.version", "is required: the version you read, for optimistic concurrency")
    }
    for (index, path) in request.updateMask.enumerated() where !Self.mutableFields.contains(path) {
      throw RPCError.invalidArgument(
        field: "update_mask[\(index)]",
        "\"\(path)\" is not a field UpdateActor can change (\(Self.mutableFields.sorted().joined(separator: ", ")))"
      )
    }
    guard var actor = try await store.actor(id: changes.id) else {
      throw RPCError(.notFound, "actor \(changes.id) does not exist")
    }
    let fields = request.updateMask.isEmpty ? Self.mutableFields : Set(request.updateMask)
    if fields.contains("kind") { actor.kind = changes.kind }
    if fields.contains("canonical_name") { actor.canonicalName = changes.canonicalName }
    if fields.contains("aliases") { actor.aliases = changes.aliases }
    if fields.contains("role") { actor.role = changes.role }
    if fields.contains("country_code") { actor.countryCode = changes.countryCode }
    if fields.contains("affiliations") { actor.affiliations = changes.affiliations }
    if fields.contains("external_ids") { actor.externalIDs = changes.externalIDs }
    if fields.contains("description") { actor.description = changes.description }
    try Self.validate(actor, field: "actor")
    try Self.checkReferences(actor, existing: try await store.existingActorIDs(Set(actor.affiliations.map(\.actorID))), field: "actor")
    return try await store.replaceActor(actor, expectedVersion: changes.version, now: now())
  }

  public func listActors(_ request: ListActorsRequest, context: ServerContext) async throws -> ListActorsResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    try FieldCheck.known(request.kind, "kind", allowUnspecified: true)
    try FieldCheck.length(request.namePrefix, "name_prefix", max: 300)
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let cursor = try PageToken.decode(request.pageToken, scope: "actors", query: fingerprint, fieldCount: 2).map {
      ActorCursor(sortName: $0[0], id: try PageToken.int($0[1]))
    }
    var actors = try await store.listActors(ActorQuery(
      kind: request.kind == .unspecified ? nil : request.kind,
      namePrefix: request.namePrefix.isEmpty ? nil : NameFolding.fold(request.namePrefix),
      after: cursor,
      limit: limit + 1
    ))
    var next = ""
    if actors.count > limit {
      actors.removeLast()
      let last = actors[actors.count - 1]
      next = PageToken.encode(scope: "actors", query: fingerprint, fields: [NameFolding.fold(last.canonicalName), String(last.id)])
    }
    return ListActorsResponse(actors: actors, nextPageToken: next)
  }
}

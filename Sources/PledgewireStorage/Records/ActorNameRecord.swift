import GRDB

/// A row of `actor_name`: the canonical name (position 0) or an alias of a live actor, with its folded form for
/// Resolve and name-prefix lists. Each name's word prefixes are rows of `actor_token`.
struct ActorNameRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "actor_name"

  var id: Int64?
  var actorID: Int64
  var position: Int64
  var name: String
  var folded: String
  var isCanonical: Bool

  init(row: Row) throws {
    id = row["id"]
    actorID = row["actor_id"]
    position = row["position"]
    name = row["name"]
    folded = row["folded"]
    isCanonical = row["is_canonical"]
  }

  init(actorID: Int64, position: Int, name: String) {
    self.actorID = actorID
    self.position = Int64(position)
    self.name = name
    folded = NameFolding.fold(name)
    isCanonical = position == 0
  }

  /// The columns in the order of ``values``.
  static let columns = ["id", "actor_id", "position", "name", "folded", "is_canonical"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [id, actorID, position, name, folded, isCanonical]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// Inserts the name with its word prefixes.
  mutating func insertWithTokens(_ db: Database) throws {
    id = try insertRow(db)
    for prefix in Set(NameFolding.tokens(folded).map { String($0.prefix(3)) }) {
      try ActorTokenRecord(prefix: prefix, nameID: id!).insertRow(db)
    }
  }
}

/// A row of `actor_token`: the first three letters of one word of one name, the candidates for fuzzy resolution.
struct ActorTokenRecord: PersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "actor_token"

  var prefix: String
  var nameID: Int64

  static let columns = ["prefix", "name_id"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [prefix, nameID]
  }
}

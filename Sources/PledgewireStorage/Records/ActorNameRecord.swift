import GRDB

/// A row of `actor_name`: the canonical name (position 0) or an alias of a live actor, with its folded form for
/// Resolve and name-prefix lists. Each name's word prefixes are rows of `actor_token`.
package struct ActorNameRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "actor_name"

  package var id: Int64?
  package var actorID: Int64
  package var position: Int64
  package var name: String
  package var folded: String
  package var isCanonical: Bool

  package init(row: Row) throws {
    id = row["id"]
    actorID = row["actor_id"]
    position = row["position"]
    name = row["name"]
    folded = row["folded"]
    isCanonical = row["is_canonical"]
  }

  package init(actorID: Int64, position: Int, name: String) {
    self.actorID = actorID
    self.position = Int64(position)
    self.name = name
    folded = NameFolding.fold(name)
    isCanonical = position == 0
  }

  /// The columns in the order of ``values``.
  package static let columns = ["id", "actor_id", "position", "name", "folded", "is_canonical"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, actorID, position, name, folded, isCanonical]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// Inserts the name with its word prefixes.
  package mutating func insertWithTokens(_ db: Database) throws {
    id = try insertRow(db)
    for prefix in Set(NameFolding.tokens(folded).map { String($0.prefix(3)) }) {
      try ActorTokenRecord(prefix: prefix, nameID: id!).insertRow(db)
    }
  }
}

/// A row of `actor_token`: the first three letters of one word of one name, the candidates for fuzzy resolution.
package struct ActorTokenRecord: PersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "actor_token"

  package var prefix: String
  package var nameID: Int64

  package init(prefix: String, nameID: Int64) {
    self.prefix = prefix
    self.nameID = nameID
  }

  package static let columns = ["prefix", "name_id"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [prefix, nameID]
  }
}

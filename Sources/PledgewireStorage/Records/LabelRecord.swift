import GRDB

/// A row of `actor_label`, `article_label` or `pledge_label`: one free-form tag of a record, in the record's
/// order. The three tables have the same shape; the record names the table it was read from or is written to.
package struct LabelRecord: Equatable {
  /// Which table: the owner's kind.
  package enum Owner: String {
    case actor
    case article
    case pledge

    package var table: String { "\(rawValue)_label" }
    package var ownerColumn: String { "\(rawValue)_id" }
  }

  package var owner: Owner
  package var ownerID: Int64
  package var label: String
  package var position: Int64

  /// Replaces the labels of one record.
  package static func replace(_ owner: Owner, id: Int64, with labels: [String], _ db: Database) throws {
    try db.cachedStatement(sql: "DELETE FROM \(owner.table) WHERE \(owner.ownerColumn) = ?").execute(arguments: [id])
    try insert(owner, id: id, labels, db)
  }

  /// Adds labels to a record that has none yet; repeated labels are kept once. Returns the labels stored.
  @discardableResult
  package static func insert(_ owner: Owner, id: Int64, _ labels: [String], _ db: Database) throws -> [String] {
    var seen = Set<String>()
    var stored: [String] = []
    for (position, label) in labels.enumerated() where seen.insert(label).inserted {
      try db.cachedStatement(sql: "INSERT INTO \(owner.table) (\(owner.ownerColumn), label, position) VALUES (?, ?, ?)")
        .execute(arguments: [id, label, position])
      stored.append(label)
    }
    return stored
  }

  /// The labels of each record among `ids`, in order.
  package static func labels(_ owner: Owner, ids: [Int64], _ db: Database) throws -> [Int64: [String]] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = SQLiteStore.inList(ids)
    var labels: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT \(owner.ownerColumn) AS owner, label FROM \(owner.table) WHERE \(owner.ownerColumn) IN \(list) ORDER BY owner, position"),
      arguments: arguments
    ) {
      labels[row["owner"], default: []].append(row["label"])
    }
    return labels
  }
}

import GRDB
import PledgewireStorage

/// The three label tables (``LabelRecord``) on PostgreSQL.
enum PostgresLabels {
  static func replace(_ owner: LabelRecord.Owner, id: Int64, with labels: [String], _ session: PostgresSession) async throws {
    try await session.execute("DELETE FROM \(owner.table) WHERE \(owner.ownerColumn) = ?", [id])
    try await insert(owner, id: id, labels, session)
  }

  /// Adds labels to a record that has none yet; repeated labels are kept once. Returns the labels stored.
  @discardableResult
  static func insert(_ owner: LabelRecord.Owner, id: Int64, _ labels: [String], _ session: PostgresSession) async throws -> [String] {
    var seen = Set<String>()
    var stored: [String] = []
    for (position, label) in labels.enumerated() where seen.insert(label).inserted {
      try await session.execute("INSERT INTO \(owner.table) (\(owner.ownerColumn), label, position) VALUES (?, ?, ?)", [id, label, Int64(position)])
      stored.append(label)
    }
    return stored
  }

  /// The labels of each record among `ids`, in order.
  static func labels(_ owner: LabelRecord.Owner, ids: [Int64], _ session: PostgresSession) async throws -> [Int64: [String]] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = PostgresStore.inList(ids)
    var labels: [Int64: [String]] = [:]
    for row in try await session.rows(
      "SELECT \(owner.ownerColumn) AS owner, label FROM \(owner.table) WHERE \(owner.ownerColumn) IN \(list) ORDER BY owner, position", arguments
    ) {
      labels[row["owner"], default: []].append(row["label"])
    }
    return labels
  }
}

import Foundation
import GRDB
import PledgewireWire

/// A row of `pledge_event`: one change of one pledge, with the pledge as it was after it (before it, for a
/// deletion). Watch replays from here; rows are only ever appended.
struct PledgeEventRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord {
  static let databaseTableName = "pledge_event"

  var sequence: Int64?
  var pledgeID: Int64
  var kind: Int32
  var at: Int64
  var data: Data

  init(row: Row) throws {
    sequence = row["sequence"]
    pledgeID = row["pledge_id"]
    kind = row["kind"]
    at = row["at"]
    data = row["data"]
  }

  init(kind: PledgeEventKind, pledgeID: Int64, at: Int64, data: Data) {
    self.pledgeID = pledgeID
    self.kind = kind.rawValue
    self.at = at
    self.data = data
  }

  /// The columns in the order of ``values``.
  static let columns = ["sequence", "pledge_id", "kind", "at", "data"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [sequence, pledgeID, kind, at, data]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    sequence = inserted.rowID
  }

  var event: PledgeEvent {
    get throws {
      PledgeEvent(
        kind: PledgeEventKind(rawValue: kind), pledge: try StoredMessage.decode(Pledge.self, data, empty: Pledge()),
        sequence: sequence ?? 0, atMs: at
      )
    }
  }
}

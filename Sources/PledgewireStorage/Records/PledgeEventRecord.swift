import Foundation
import GRDB
import PledgewireWire

/// A row of `pledge_event`: one change of one pledge, with the pledge as it was after it (before it, for a
/// deletion). Watch replays from here; rows are only ever appended.
package struct PledgeEventRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord {
  package static let databaseTableName = "pledge_event"

  package var sequence: Int64?
  package var pledgeID: Int64
  package var kind: Int32
  package var at: Int64
  package var data: Data

  package init(row: Row) throws {
    sequence = row["sequence"]
    pledgeID = row["pledge_id"]
    kind = row["kind"]
    at = row["at"]
    data = row["data"]
  }

  package init(kind: PledgeEventKind, pledgeID: Int64, at: Int64, data: Data) {
    self.pledgeID = pledgeID
    self.kind = kind.rawValue
    self.at = at
    self.data = data
  }

  /// The columns in the order of ``values``.
  package static let columns = ["sequence", "pledge_id", "kind", "at", "data"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [sequence, pledgeID, kind, at, data]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    sequence = inserted.rowID
  }

  package var event: PledgeEvent {
    get throws {
      PledgeEvent(
        kind: PledgeEventKind(rawValue: kind), pledge: try StoredMessage.decode(Pledge.self, data, empty: Pledge()),
        sequence: sequence ?? 0, atMs: at
      )
    }
  }
}

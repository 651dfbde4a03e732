import PledgewireWire
import PledgewireServer

/// Client-streamed imports: items are read in batches of ``batchSize`` items or ``batchBytes`` bytes, whichever
/// comes first (so that large items do not pile up in memory), and each batch is stored in one transaction,
/// each item on its own, so that one bad item fails alone and a million items do not take a million commits.
enum Importer {
  static let batchSize = 500
  /// The encoded bytes of the requests a batch holds at most (one item larger than this is a batch of its own).
  static let batchBytes = 4 << 20
  /// Failures listed in a response; the rest are counted in `failures_omitted`.
  static let failureLimit = 1_000

  /// Reads every request; `process` turns a batch into an id or an error per item, in order.
  static func run<Input>(
    _ requests: RequestStream<Input>,
    _ process: ([Input]) async throws -> [Result<Int64, RPCError>]
  ) async throws -> ImportResponse {
    var response = ImportResponse()
    var batch: [Input] = []
    var bytes = 0
    var iterator = requests.makeAsyncIterator()
    var done = false
    while !done {
      if let request = try await iterator.next() {
        batch.append(request)
        bytes += iterator.lastMessageSize
        response.received += 1
      } else {
        done = true
      }
      guard batch.count == batchSize || bytes >= batchBytes || (done && !batch.isEmpty) else { continue }
      try Task.checkCancellation()
      let first = response.received - UInt32(batch.count)
      for (offset, result) in try await process(batch).enumerated() {
        switch result {
        case .success(let id):
          response.created += 1
          response.ids.append(id)
        case .failure(let error):
          if response.failures.count < failureLimit {
            response.failures.append(ImportFailure(index: first + UInt32(offset), code: error.code, message: error.message, details: error.details))
          } else {
            response.failuresOmitted += 1
          }
        }
      }
      batch.removeAll(keepingCapacity: true)
      bytes = 0
    }
    return response
  }
}

import PledgewireClient
import PledgewireDomain

/// A Watch stream read in the background, with a time limit on every read: a lost event fails the test instead of
/// hanging the run.
actor WatchRecorder {
  struct Timeout: Error, CustomStringConvertible {
    let description: String
  }

  private var events: [PledgeEvent] = []
  private var failure: (any Error)?
  private var finished = false
  private var consumed = 0
  private var task: Task<Void, Never>?

  /// Starts reading `stream`.
  init(_ stream: ResponseStream<PledgeEvent>) {
    Task { await self.start(stream) }
  }

  /// Watches from the event after the newest one the server holds now, so that no event written after this call
  /// returns can be missed, however long the stream takes to open.
  static func fromNow(_ client: PledgewireClient, _ services: PledgewireServices, filter: PledgeFilter? = nil) async throws -> WatchRecorder {
    let sequence = try await services.store.latestEventSequence()
    return WatchRecorder(client.pledge.watchPledges(WatchPledgesRequest(filter: filter, resumeToken: "e" + String(sequence, radix: 36))))
  }

  private func start(_ stream: ResponseStream<PledgeEvent>) {
    task = Task {
      do {
        for try await event in stream {
          self.append(event)
        }
        self.finish(nil)
      } catch {
        self.finish(error)
      }
    }
  }

  private func append(_ event: PledgeEvent) {
    events.append(event)
  }

  private func finish(_ error: (any Error)?) {
    failure = error
    finished = true
  }

  /// The next `count` events; throws when they have not all arrived within `limit`, or when the stream failed.
  func next(_ count: Int = 1, within limit: Duration = .seconds(10)) async throws -> [PledgeEvent] {
    let deadline = ContinuousClock.now + limit
    while events.count - consumed < count {
      if let failure { throw failure }
      guard !finished, ContinuousClock.now < deadline else {
        throw Timeout(description: "\(events.count - consumed) of \(count) events arrived within \(limit)\(finished ? "; the stream ended" : "")")
      }
      try await Task.sleep(for: .milliseconds(5))
    }
    defer { consumed += count }
    return Array(events[consumed..<consumed + count])
  }

  /// The error the stream ended with, waiting at most `limit`.
  func error(within limit: Duration = .seconds(10)) async throws -> (any Error)? {
    let deadline = ContinuousClock.now + limit
    while !finished {
      guard ContinuousClock.now < deadline else { throw Timeout(description: "the stream did not end within \(limit)") }
      try await Task.sleep(for: .milliseconds(5))
    }
    return failure
  }

  /// Events that arrived and were not read yet.
  var unread: [PledgeEvent] {
    Array(events[consumed...])
  }

  func stop() {
    task?.cancel()
  }
}

import Logging
import PledgewireStorage
import PledgewireWire
import PostgresNIO

/// Brings what other instances commit to this one: it LISTENs on the store's channel on a connection of its own;
/// a notification of events makes it read the event log past the last sequence it handed on, and one of actors
/// drops them from the actor cache. A poll every ``PostgresStore/Options/catchUpInterval`` reads the log too, so
/// an event whose notification was lost arrives within that interval; and when the listening connection breaks
/// (notifications may have been missed), it listens again, empties the actor cache and catches up.
final class EventRelay: Sendable {
  private struct State {
    var subscribers: [UInt64: AsyncStream<[PledgeEvent]>.Continuation] = [:]
    var nextID: UInt64 = 0
    var tasks: [Task<Void, Never>] = []
    var started = false
    var stopped = false
  }

  private let state = Locked(State())
  /// The sequence of the last event handed on, and whether a catch-up runs (one at a time, in order).
  /// nil until the relay has read where the log stood when it started: it hands on only what comes after.
  private let position = Locked((last: Int64?.none, running: false, again: false))

  /// A stream of every event from now on; starts listening on first use.
  func subscribe(store: PostgresStore) -> AsyncStream<[PledgeEvent]> {
    let (stream, continuation) = AsyncStream.makeStream(of: [PledgeEvent].self, bufferingPolicy: .bufferingNewest(1_000))
    let (id, first) = state.withLock { state -> (UInt64?, Bool) in
      guard !state.stopped else { return (nil, false) }
      let id = state.nextID
      state.nextID += 1
      state.subscribers[id] = continuation
      defer { state.started = true }
      return (id, !state.started)
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
    if first {
      start(store)
    }
    return stream
  }

  private func start(_ store: PostgresStore) {
    let client = store.client
    let channel = store.channel
    let cache = store.actorCache
    let interval = store.options.catchUpInterval
    let logger = store.logger
    let listener = Task { [weak self, weak store] in
      var first = true
      while !Task.isCancelled {
        do {
          try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
              if !first {
                logger.notice("listening on \(channel) again; catching up")
                cache.forget(nil)
              }
              first = false
              if let store { await self?.catchUp(store) }
              for try await notification in notifications {
                if notification.payload.hasPrefix("actors ") {
                  cache.forget(notification.payload.split(separator: " ").dropFirst().compactMap { Int64($0) })
                } else if let store {
                  await self?.catchUp(store)
                }
              }
            }
          }
        } catch {
          if Task.isCancelled { break }
          logger.warning("listening for other instances' changes failed: \(String(reflecting: error)); retrying")
          first = false
          try? await Task.sleep(for: .seconds(1))
        }
      }
    }
    let poll = Task { [weak self, weak store] in
      while !Task.isCancelled {
        try? await Task.sleep(for: interval)
        guard let store, let self else { return }
        await self.catchUp(store)
      }
    }
    state.withLock { $0.tasks = [listener, poll] }
  }

  /// Reads the events past the last one handed on and hands them to every subscriber. Calls that arrive while one
  /// runs make it run once more instead of running beside it, so batches go out in sequence order.
  func catchUp(_ store: PostgresStore) async {
    let proceed = position.withLock { position -> Bool in
      if position.running {
        position.again = true
        return false
      }
      position.running = true
      return true
    }
    guard proceed else { return }
    while true {
      guard let last = position.withLock({ $0.last }) else {
        let start = try? await store.latestEventSequence()
        position.withLock { position in
          position.last = start
          position.running = false
        }
        return
      }
      var handed = last
      if let events = try? await store.pledgeEvents(after: last, limit: 1_000), !events.isEmpty {
        handed = events[events.count - 1].sequence
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers {
          subscriber.yield(events)
        }
      }
      let more = position.withLock { position -> Bool in
        position.last = handed
        let more = position.again || handed > last
        position.again = false
        if !more { position.running = false }
        return more
      }
      if !more { return }
    }
  }

  func stop() {
    let (tasks, subscribers) = state.withLock { state in
      state.stopped = true
      defer {
        state.tasks = []
        state.subscribers = [:]
      }
      return (state.tasks, Array(state.subscribers.values))
    }
    tasks.forEach { $0.cancel() }
    subscribers.forEach { $0.finish() }
  }
}

import PledgewireWire

/// Serving status of the server ("") and of each service, with watchers that hear every change.
public final class HealthMonitor: Sendable {
  fileprivate struct State {
    var statuses: [String: ServingStatus] = [:]
    var watchers: [UInt64: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
    var nextWatcher: UInt64 = 0
  }

  fileprivate let state = Locked(State())

  /// A monitor where the server and `services` are SERVING.
  public init(services: [String] = []) {
    state.withLock { state in
      state.statuses[""] = .serving
      for service in services {
        state.statuses[service] = .serving
      }
    }
  }

  /// The status of `service` ("" for the whole server); nil for a service this server does not know.
  public func status(of service: String) -> ServingStatus? {
    state.withLock { $0.statuses[service] }
  }

  /// Sets the status of `service` and tells its watchers.
  public func setStatus(_ status: ServingStatus, for service: String = "") {
    state.withLock { state in
      state.statuses[service] = status
      for watcher in state.watchers.values where watcher.service == service {
        watcher.continuation.yield(status)
      }
    }
  }

  /// Sets every service, and the server, to `status`.
  public func setAll(_ status: ServingStatus) {
    state.withLock { state in
      for service in state.statuses.keys {
        state.statuses[service] = status
      }
      for watcher in state.watchers.values {
        watcher.continuation.yield(status)
      }
    }
  }

  /// The current status of `service` (SERVICE_UNKNOWN for an unknown one), then every change, until the consumer
  /// stops iterating.
  public func updates(for service: String) -> AsyncStream<ServingStatus> {
    let (stream, continuation) = AsyncStream.makeStream(of: ServingStatus.self, bufferingPolicy: .bufferingNewest(16))
    let id = state.withLock { state in
      let id = state.nextWatcher
      state.nextWatcher += 1
      state.watchers[id] = (service, continuation)
      continuation.yield(state.statuses[service] ?? .serviceUnknown)
      return id
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
    }
    return stream
  }
}

extension HealthMonitor {
  /// Ends every watcher's stream, as the server does when it shuts down (after reporting NOT_SERVING).
  public func finishWatchers() {
    let watchers = state.withLock { state in
      defer { state.watchers.removeAll() }
      return Array(state.watchers.values)
    }
    for watcher in watchers {
      watcher.continuation.finish()
    }
  }
}

/// CPU-bound work of a handler (locating quotes in article bodies, say) runs here, on the global concurrent
/// executor, rather than on the connection's I/O loop that handler tasks prefer: the loop's other connections and
/// its deadline timer keep running while it computes.
enum OffLoop {
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(globalConcurrentExecutor) {
      try body()
    }
  }
}

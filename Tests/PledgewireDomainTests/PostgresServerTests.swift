import Foundation
import PledgewireClient
import PledgewireTestSupport
import PledgewireWire
import Testing

/// The real executable on PostgreSQL: two instances on one database, the database restarting under load, an
/// instance killed mid-write. Runs when `PLEDGEWIRE_TEST_POSTGRES_URL` names a test cluster (`make test-postgres`);
/// each test keeps its tables in a schema of its own.
@Suite("PostgreSQL: several server instances", .serialized, .enabled(if: PostgresTestCluster.url != nil))
struct PostgresServerTests {
  @Test("a change made through one instance reaches a Watch on another in order, without gap or duplicate; a token from one resumes on the other")
  func watchAcrossInstances() async throws {
    let db = PostgresTestCluster.database()
    let a = try ServerProcess(arguments: ["--db", db])
    let b = try ServerProcess(arguments: ["--db", db])
    let clientA = try await PledgewireClient.connect(to: "127.0.0.1:\(a.port)")
    let clientB = try await PledgewireClient.connect(to: "127.0.0.1:\(b.port)")
    defer {
      clientA.close()
      clientB.close()
    }
    let world = try await World.make(clientA)
    let first = try await clientA.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
    let second = try await clientB.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(quote: "Paris promised troops")))
    // From the first event: the two creations, then every change below, whichever instance made it.
    let watch = WatchRecorder(clientB.pledge.watchPledges(WatchPledgesRequest(resumeToken: "e0")))
    let created = try await watch.next(2)
    #expect(Set(created.map { $0.pledge?.id }) == [first.id, second.id])

    // Both instances write at once, each to its own pledge: 2 × 10 status changes.
    let evidence = Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .progress)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (client, pledge) in [(clientA, first), (clientB, second)] {
        group.addTask {
          for step in 0..<10 {
            let status: PledgeStatus = step.isMultiple(of: 2) ? .inProgress : .stalled
            _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(
              pledgeID: pledge.id, status: status, evidence: status == .stalled ? evidence : nil
            ))
          }
        }
      }
      try await group.waitForAll()
    }
    let changes = try await watch.next(20)
    let sequences = (created + changes).map(\.sequence)
    #expect(sequences == Array(sequences[0]..<sequences[0] + 22), "every event once, in order, none missing")
    for pledge in [first, second] {
      #expect(changes.filter { $0.pledge?.id == pledge.id }.map { $0.pledge?.version } == Array(2...11).map { Int64($0) })
    }
    try await Task.sleep(for: .milliseconds(300))
    #expect(await watch.unread.isEmpty, "no duplicate follows")
    await watch.stop()

    // A token issued by B resumes on A: exactly the events after it.
    let token = changes[9].resumeToken
    let resumed = WatchRecorder(clientA.pledge.watchPledges(WatchPledgesRequest(resumeToken: token)))
    let rest = try await resumed.next(10)
    #expect(rest.map(\.sequence) == Array(changes[10...]).map(\.sequence))
    await resumed.stop()

    // The actor cache of B follows a change made through A.
    let before = try await clientB.actor.getActor(GetActorRequest(id: world.maker))
    _ = try await clientA.actor.updateActor(UpdateActorRequest(actor: Actor(id: world.maker, role: "a new role", version: before.version), updateMask: ["role"]))
    var seen = before
    let deadline = ContinuousClock.now + .seconds(5)
    while seen.version == before.version && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
      seen = try await clientB.actor.getActor(GetActorRequest(id: world.maker))
    }
    #expect(seen.version == before.version + 1 && seen.role == "a new role")
  }

  @Test("while the database restarts under load, calls fail with UNAVAILABLE and succeed again once it is back; no acknowledged write is lost")
  func databaseRestart() async throws {
    // A cluster of its own: restarting the shared one would fail the other tests running beside this one.
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-restart-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    let directory = parent.appendingPathComponent("pg").path
    defer {
      try? PostgresTestCluster.run(["destroy", directory])
      try? FileManager.default.removeItem(at: parent)
    }
    try PostgresTestCluster.run(["start", directory])
    let port = try String(contentsOfFile: directory + "/port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    let server = try ServerProcess(arguments: ["--db", "postgres://pledgewire@127.0.0.1:\(port)/pledgewire?sslmode=disable"])
    let client = try await PledgewireClient.connect(to: "127.0.0.1:\(server.port)")
    defer { client.close() }
    let world = try await World.make(client)
    let acknowledged = Shared<[Int64]>([])
    let failures = Shared<[String]>([])
    let restarted = Shared(false)
    let afterRestart = Counter()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          // Writes until 50 have been acknowledged after the restart. The deadline only bounds a run that never
          // recovers: a restart on a loaded machine takes seconds, and the loop ends as soon as the 50 are in.
          let deadline = ContinuousClock.now + .seconds(180)
          while afterRestart.value < 50 && ContinuousClock.now < deadline {
            do {
              let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()), options: CallOptions(timeout: .seconds(20)))
              acknowledged.withLock { $0.append(pledge.id) }
              if restarted.withLock({ $0 }) { _ = afterRestart.increment() }
            } catch let error as RPCError {
              failures.withLock { $0.append("\(error.code)") }
              try await Task.sleep(for: .milliseconds(50))
            }
          }
        }
      }
      group.addTask {
        try await Task.sleep(for: .milliseconds(500))
        try PostgresTestCluster.run(["restart", directory])
        restarted.withLock { $0 = true }
      }
      try await group.waitForAll()
    }
    #expect(afterRestart.value >= 50, "calls succeed again once the database is back")
    let codes = Set(failures.withLock { $0 })
    #expect(codes.isSubset(of: ["unavailable"]), "failed calls say UNAVAILABLE, never INTERNAL: \(codes)")
    #expect(server.process.isRunning)
    for id in acknowledged.withLock({ $0 }) {
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: id)).id == id)
    }
  }

  @Test("SIGKILL of an instance loses no acknowledged write; another instance serves them")
  func sigkill() async throws {
    let db = PostgresTestCluster.database()
    let server = try ServerProcess(arguments: ["--db", db])
    let client = try await PledgewireClient.connect(to: "127.0.0.1:\(server.port)")
    let world = try await World.make(client)
    let landed = Counter()
    var acknowledged: [Int64] = []
    try await withThrowingTaskGroup(of: [Int64].self) { group in
      for _ in 0..<8 {
        group.addTask {
          var ids: [Int64] = []
          for _ in 0..<100 {
            guard let id = try? await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge())).id else { return ids }
            ids.append(id)
            if landed.increment() == 150 {
              server.signal(SIGKILL)
            }
          }
          return ids
        }
      }
      for try await ids in group {
        acknowledged += ids
      }
    }
    client.close()
    #expect(server.waitForExit(timeout: 10) != nil)
    #expect(acknowledged.count >= 150)
    let other = try ServerProcess(arguments: ["--db", db])
    let again = try await PledgewireClient.connect(to: "127.0.0.1:\(other.port)")
    defer { again.close() }
    for id in acknowledged {
      #expect(try await again.pledge.getPledge(GetPledgeRequest(id: id)).id == id)
    }
  }

  @Test("a server started against an unreachable database says so in one line and exits non-zero")
  func unreachable() throws {
    let process = Process()
    process.executableURL = ServerProcess.executable
    process.arguments = ["--port", "0", "--db", "postgres://nobody@127.0.0.1:1/none"]
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    let lines = output.split(separator: "\n").filter { $0.contains("database") }
    #expect(lines.count == 1 && lines[0].contains("cannot open the database"), "\(output)")
  }
}

/// A value tasks share.
final class Shared<Value: Sendable>: Sendable {
  private let value: Locked<Value>

  init(_ value: Value) {
    self.value = Locked(value)
  }

  func withLock<T>(_ body: (inout Value) -> T) -> T {
    value.withLock { body(&$0) }
  }
}

/// The test cluster `scripts/test-swift` starts.
enum PostgresTestCluster {
  static var url: String? {
    ProcessInfo.processInfo.environment["PLEDGEWIRE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The cluster's URL with a schema no other test uses.
  static func database() -> String {
    (url ?? "") + "?sslmode=disable&schema=test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
  }

  /// Runs scripts/postgres-cluster with `arguments` and waits for it (posix_spawn and waitpid: Foundation's
  /// `Process.waitUntilExit` was seen never to return here once the cluster restarted).
  static func run(_ arguments: [String]) throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("scripts/postgres-cluster").path
    var argv: [UnsafeMutablePointer<CChar>?] = ([script] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, script, nil, nil, &argv, environ) == 0 else {
      throw RPCError(.internal, "cannot run \(script)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    guard status == 0 else {
      throw RPCError(.internal, "postgres-cluster \(arguments.joined(separator: " ")) failed with status \(status)")
    }
  }
}

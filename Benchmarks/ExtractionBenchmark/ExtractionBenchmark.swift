import Foundation
import PledgewireExtraction

/// `pledgewire-extraction-bench`: the extractor's speed on generated ~5 KB articles, and — with `--json FILE` —
/// the `pledgewire extract --json` object for one body, for offline scoring.
@main
struct ExtractionBenchmark {
  static let usage = """
    usage: pledgewire-extraction-bench [--articles N] [--size BYTES] [--rounds N]
           pledgewire-extraction-bench --json FILE|- [--published YYYY-MM-DD]

      (default)       times Extractor.extract on N generated articles of about BYTES each (500, 5000) on one
                      thread, best of --rounds (5): articles per CPU-second (the cost per core) and per second
      --json FILE     prints the extraction of FILE's text (- reads standard input) as one JSON object
      --published D   the publication date, for relative deadlines ("by the end of the year")
    """

  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func value(_ flag: String) -> String? {
      guard let i = arguments.firstIndex(of: flag) else { return nil }
      guard i + 1 < arguments.count else { fail("\(flag) needs a value") }
      let v = arguments[i + 1]
      arguments.removeSubrange(i...(i + 1))
      return v
    }
    if arguments.contains("--help") || arguments.contains("-h") {
      print(usage)
      return
    }
    let json = value("--json")
    let published = value("--published")
    let count = value("--articles").map { integer($0, "--articles") } ?? 500
    let size = value("--size").map { integer($0, "--size") } ?? 5000
    let rounds = value("--rounds").map { integer($0, "--rounds") } ?? 5
    guard arguments.isEmpty else { fail("unknown argument \(arguments[0])") }
    if let json {
      printJSON(path: json, published: published)
    } else {
      benchmark(count: count, size: size, rounds: rounds)
    }
  }

  static func printJSON(path: String, published: String?) {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
      data = contents
    }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8") }
    var publishedMs: Int64? = nil
    if let published {
      let parts = published.split(separator: "-").compactMap { Int($0) }
      guard parts.count == 3 else { fail("--published takes YYYY-MM-DD, not \(published)") }
      var components = DateComponents()
      components.year = parts[0]
      components.month = parts[1]
      components.day = parts[2]
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC")!
      guard let date = calendar.date(from: components) else { fail("--published: no such date \(published)") }
      publishedMs = Int64(date.timeIntervalSince1970 * 1000)
    }
    do {
      print(try JSONOutput.render(Extractor().extract(text, publishedAtMs: publishedMs)))
    } catch {
      fail("cannot encode the extraction as JSON: \(error)")
    }
  }

  static func benchmark(count: Int, size: Int, rounds: Int) {
    let articles = SyntheticArticles.make(count: count, bytes: size, seed: 11)
    let bytes = articles.reduce(0) { $0 + $1.utf8.count }
    let extractor = Extractor()
    _ = extractor.extract(articles[0])  // parses the gazetteer
    var bestCPU = Double.infinity
    var bestWall = Double.infinity
    var candidates = 0
    var mentions = 0
    for _ in 0..<rounds {
      candidates = 0
      mentions = 0
      let (cpu0, wall0) = (threadCPUSeconds(), wallSeconds())
      for article in articles {
        let extraction = extractor.extract(article)
        candidates += extraction.candidates.count
        mentions += extraction.mentions.count
      }
      bestCPU = min(bestCPU, threadCPUSeconds() - cpu0)
      bestWall = min(bestWall, wallSeconds() - wall0)
    }
    print("articles: \(count) of \(bytes / count) bytes on average (\(bytes) bytes), one thread, best of \(rounds) rounds")
    print("per article: \(mentions / count) mentions, \(candidates / count) candidates")
    print(String(format: "cpu:  %.3f s; %.0f articles per CPU-second; %.2f ms per article; %.2f MB/s", bestCPU,
                 Double(count) / bestCPU, bestCPU * 1000 / Double(count), Double(bytes) / bestCPU / 1e6))
    print(String(format: "wall: %.3f s; %.0f articles/s (lower when other processes share the cores)", bestWall,
                 Double(count) / bestWall))
  }

  /// CPU time of this thread: the measure of cost per core, whatever else runs on the machine.
  static func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func wallSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func integer(_ text: String, _ flag: String) -> Int {
    guard let value = Int(text), value > 0 else { fail("\(flag) takes a positive whole number, not \(text)") }
    return value
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pledgewire-extraction-bench: \(message)\n".utf8))
    exit(64)
  }
}

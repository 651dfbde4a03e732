// Report rendering figures: the time and size of each report for a large actor, from values (no server).
//
//   pledgewire-report-bench [--pledges N] [--runs N]
//
// Builds N pledges (default 1,000) by one actor, each with two quotes from two articles, a status history and, for
// one in five, a deadline; renders the actor scorecard, the summary and one pledge's report --runs times (default
// 5) and prints the median time and the size of each.
import Foundation
import PledgewireReport
import PledgewireWire

var count = 1_000
var runs = 5
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--pledges": count = Int(arguments.popFirst() ?? "") ?? count
  case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
  default:
    FileHandle.standardError.write(Data("usage: pledgewire-report-bench [--pledges N] [--runs N]\n".utf8))
    exit(64)
  }
}

let day: Int64 = 86_400_000
let start: Int64 = 1_740_873_600_000  // 2025-03-02
let now = start + 500 * day
let statuses: [PledgeStatus] = [.announced, .inProgress, .partiallyFulfilled, .fulfilled, .stalled, .broken, .withdrawn]
let categories: [PledgeCategory] = [.militaryAid, .financialAid, .diplomatic, .troopDeployment, .sanctions]
let actors = (1...20).map { Actor(id: Int64($0), kind: .country, canonicalName: "Country \($0)") }
let articles = (1...200).map {
  Article(id: Int64($0), canonicalURL: "https://news.example/\($0)", title: "Report number \($0) on the summit's pledges", outlet: "Outlet \($0 % 7)", publishedAtMs: start + Int64($0) * 2 * day)
}
let pledges = (1...count).map { index -> Pledge in
  let made = start + Int64(index % 360) * day
  let status = statuses[index % statuses.count]
  var history = [StatusChange(toStatus: .announced, atMs: made)]
  if status != .announced {
    history.append(StatusChange(fromStatus: .announced, toStatus: status, atMs: made + 40 * day, note: "as reported"))
  }
  return Pledge(
    id: Int64(index),
    parties: [PledgeParty(actorID: 1, role: .maker), PledgeParty(actorID: Int64(2 + index % 19), role: .maker), PledgeParty(actorID: 20, role: .beneficiary)],
    action: "deliver the \(index)th tranche of the support package agreed at the summit, with training and equipment",
    category: categories[index % categories.count],
    modality: .promise,
    amount: Money(amount: String(1_000_000 * index), currency: "EUR"),
    madeAtMs: made,
    dueAtMs: index % 5 == 0 ? made + 200 * day : 0,
    status: status,
    evidence: [
      Evidence(id: Int64(index * 2), articleID: Int64(1 + index % 200), quote: "The leaders said they would deliver tranche \(index) of the package within the year.", stance: .announces, reportedAmount: Money(amount: String(1_000_000 * index), currency: "EUR")),
      Evidence(id: Int64(index * 2 + 1), articleID: Int64(1 + (index + 50) % 200), quote: "Officials confirmed that tranche \(index) was on its way.", stance: .progress),
    ],
    history: history,
    madePrecision: .day,
    duePrecision: .day
  )
}
let directory = ReportDirectory(actors: actors, articles: articles)

/// This thread's CPU time in milliseconds: steadier than wall time while other work shares the cores.
func cpuMilliseconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

func measure(_ name: String, runs: Int, pledges count: Int, _ render: () -> String) {
  var cpu: [Double] = []
  var wall: [Double] = []
  var size = 0
  for _ in 0..<max(1, runs) {
    let began = (DispatchTime.now().uptimeNanoseconds, cpuMilliseconds())
    size = render().utf8.count
    cpu.append(cpuMilliseconds() - began.1)
    wall.append(Double(DispatchTime.now().uptimeNanoseconds - began.0) / 1e6)
  }
  let median = { (values: [Double]) in values.sorted()[values.count / 2] }
  print(
    name.padding(toLength: 26, withPad: " ", startingAt: 0),
    String(format: "%8.1f ms CPU %8.1f ms wall %10d bytes %7.0f bytes/pledge", median(cpu), median(wall), size, Double(size) / Double(count))
  )
}

print("\(count) pledges, median of \(runs) runs")
measure("actor scorecard", runs: runs, pledges: count) { ActorReport(actor: actors[0], pledges: pledges, directory: directory, now: now).html() }
measure("summary", runs: runs, pledges: count) { SummaryReport(pledges: pledges, directory: directory, now: now).html() }
measure("pledge (10 sub-pledges)", runs: runs, pledges: count) { PledgeReport(pledge: pledges[0], parts: Array(pledges[1...10]), directory: directory, now: now).html() }

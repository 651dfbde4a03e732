import ArgumentParser
import PledgewireClient

/// Finds a method of the schema (``ServiceCatalog``) by the names people write: `pledgewire.v1.PledgeService/GetPledge`,
/// with a leading `/` or a `.` before the method, `PledgeService/GetPledge`, or `GetPledge` alone when no other
/// service has a method of that name.
enum MethodName {
  static func resolve(_ text: String, argument: String = "METHOD") throws -> MethodDescriptor {
    let wanted = text.hasPrefix("/") ? String(text.dropFirst()) : text
    let matches = ServiceCatalog.services.flatMap(\.methods).filter { names(of: $0).contains(wanted) }
    guard let method = matches.first else {
      throw ValidationError("\(argument): no method \"\(text)\"; `pledgewire services` lists them")
    }
    guard matches.count == 1 else {
      throw ValidationError("\(argument): \"\(text)\" is ambiguous: \(matches.map { String($0.fullName.dropFirst()) }.joined(separator: ", "))")
    }
    return method
  }

  static func names(of method: MethodDescriptor) -> [String] {
    let shortService = method.service.split(separator: ".").last.map(String.init) ?? method.service
    return ["\(method.service)/\(method.name)", "\(method.service).\(method.name)", "\(shortService)/\(method.name)", method.name]
  }
}

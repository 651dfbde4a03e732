import PledgewireWire
/// `pledgewire.v1.ReflectionService`: the services and methods this server serves, with their streaming kinds.
struct ReflectionServiceHandler: RPCService {
  let response: ListServicesResponse

  init(methods: [MethodDescriptor], agent: String) {
    let services = Dictionary(grouping: methods, by: \.service)
    response = ListServicesResponse(
      services: services.keys.sorted().map { name in
        ServiceInfo(
          name: name,
          methods: services[name]!.sorted { $0.name < $1.name }.map { method in
            MethodInfo(
              name: method.name, fullName: method.fullName, inputType: method.inputType,
              outputType: method.outputType, kind: method.kind
            )
          }
        )
      },
      protocolVersion: ProtocolVersion.current.description,
      serverAgent: agent
    )
  }

  func register(in router: inout Router) {
    let response = self.response
    router.unary(ReflectionService.ListServices.self) { _, _ in response }
  }
}

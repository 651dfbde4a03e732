import PledgewireWire

/// `pledgewire.v1.ReflectionService`: the services and methods this server serves, with their streaming kinds and
/// idempotency, and the schema descriptors a generic client needs to call any of them.
struct ReflectionServiceHandler: ReflectionService.ServiceProtocol {
  let services: ListServicesResponse

  init(methods: [MethodDescriptor], agent: String) {
    let byService = Dictionary(grouping: methods, by: \.service)
    services = ListServicesResponse(
      services: byService.keys.sorted().map { name in
        ServiceInfo(
          name: name,
          methods: byService[name]!.sorted { $0.name < $1.name }.map { method in
            MethodInfo(
              name: method.name, fullName: method.fullName, inputType: method.inputType,
              outputType: method.outputType, kind: method.kind, idempotent: method.isIdempotent
            )
          }
        )
      },
      protocolVersion: ProtocolVersion.current.description,
      serverAgent: agent
    )
  }

  func listServices(_ request: ListServicesRequest, context: ServerContext) async throws -> ListServicesResponse {
    services
  }

  func getDescriptors(_ request: GetDescriptorsRequest, context: ServerContext) async throws -> GetDescriptorsResponse {
    GetDescriptorsResponse(fileDescriptorSet: ServiceCatalog.fileDescriptorSet)
  }
}

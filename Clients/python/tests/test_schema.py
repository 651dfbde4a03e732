"""The generated method table and stubs agree with what the real server serves."""

from __future__ import annotations

from pledgewire import METHODS, AsyncClient, Client, MethodKind, v1
from pledgewire._method import MethodDescriptor

KINDS = {
    v1.RPC_KIND_UNARY: MethodKind.UNARY,
    v1.RPC_KIND_SERVER_STREAMING: MethodKind.SERVER_STREAMING,
    v1.RPC_KIND_CLIENT_STREAMING: MethodKind.CLIENT_STREAMING,
    v1.RPC_KIND_BIDI_STREAMING: MethodKind.BIDI_STREAMING,
}


def stub_name(method: MethodDescriptor) -> tuple[str, str]:
    service = method.service.rsplit(".", 1)[1].removesuffix("Service").lower()
    name = "".join("_" + c.lower() if c.isupper() else c for c in method.name).lstrip("_")
    return service, name


def test_every_method_the_server_serves_is_generated_with_its_kind_types_and_idempotency(server):
    with Client(server.target, timeout=10) as client:
        served = {m.full_name: m for s in client.reflection.list_services().services for m in s.methods}
    assert served and set(served) <= set(METHODS)  # services still being built may be missing from the server
    for path, info in served.items():
        method = METHODS[path]
        assert KINDS[info.kind] == method.kind, path
        assert info.idempotent == method.idempotent, path
        assert method.request_type.DESCRIPTOR.full_name == info.input_type, path
        assert method.response_type.DESCRIPTOR.full_name == info.output_type, path


def test_every_method_has_a_typed_stub_on_both_clients():
    sync, asynchronous = Client.__new__(Client), AsyncClient.__new__(AsyncClient)
    sync._attach_services(None)
    asynchronous._attach_services(None)
    for method in METHODS.values():
        service, name = stub_name(method)
        assert callable(getattr(getattr(sync, service), name)), method.path
        assert callable(getattr(getattr(asynchronous, service), name)), method.path

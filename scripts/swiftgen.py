#!/usr/bin/env python3
"""Generates Swift value types, their protobuf-c conversions and the service catalog from a FileDescriptorSet.

Usage: swiftgen.py DESCRIPTOR_SET OUT_DIR FIXTURES_FILE CLIENTS_FILE SERVICES_FILE

DESCRIPTOR_SET comes from `protoc-c --include_source_info -o FILE`. For every .proto file it writes
OUT_DIR/<name>.pw.swift: a value type for every message with its protobuf-c conversion (unknown fields kept) and its
proto3 JSON mapping, an enum for every enum. OUT_DIR/ServiceCatalog.pw.swift lists every service and message and
embeds the descriptor set itself (for reflection). FIXTURES_FILE receives, for the tests, a fully populated value of
every message (every field set, repeated fields with two elements). CLIENTS_FILE receives a typed client for every
service, for the PledgewireClient module; SERVICES_FILE a server-side protocol for every service, every method
required, with its registration in a Router, for the PledgewireServer module. A method whose options say
`idempotency_level = NO_SIDE_EFFECTS` (or IDEMPOTENT) is marked idempotent: clients may retry it. The output is deterministic, so
`scripts/generate-protos --check` can compare it byte for byte. Needs only the Python standard library: the
descriptor set is read with the small protobuf decoder below.

Supported: proto3 scalars, strings, bytes, enums, messages, repeated fields and services. Rejected: maps, oneofs,
groups, proto2 and proto3 `optional` (protoc-c 1.4 cannot compile the last; the others are not needed).
"""

import base64
import os
import sys

# --- a minimal protobuf wire decoder -------------------------------------------------------------------------------


def read_varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def fields(data):
    """Yields (number, wire_type, value) for every field of a serialized message."""
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = read_varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = read_varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError("unsupported wire type %d" % wire)
        yield number, wire, value


def parse(data, schema):
    """Decodes `data` into a dict using `schema`: {number: (name, kind, repeated)}; kind is 'int', 'str' or a schema."""
    out = {}
    for name, kind, repeated in schema.values():
        out[name] = [] if repeated else (0 if kind == "int" else "" if kind == "str" else None)
    for number, wire, value in fields(data):
        if number not in schema:
            continue
        name, kind, repeated = schema[number]
        if kind == "int":
            if wire == 2:  # packed
                values, pos = [], 0
                while pos < len(value):
                    v, pos = read_varint(value, pos)
                    values.append(v)
                decoded = values
            else:
                decoded = [value]
        elif kind == "str":
            decoded = [value.decode("utf-8")]
        else:
            decoded = [parse(value, kind)]
        if repeated:
            out[name].extend(decoded)
        else:
            out[name] = decoded[-1]
    return out


# descriptor.proto, only the parts read here
ENUM_VALUE = {1: ("name", "str", False), 2: ("number", "int", False)}
ENUM = {1: ("name", "str", False), 2: ("value", ENUM_VALUE, True)}
FIELD = {1: ("name", "str", False), 3: ("number", "int", False), 4: ("label", "int", False),
         5: ("type", "int", False), 6: ("type_name", "str", False), 9: ("oneof_index", "int", False),
         17: ("proto3_optional", "int", False)}
MESSAGE = {1: ("name", "str", False), 2: ("field", FIELD, True), 4: ("enum_type", ENUM, True),
           8: ("oneof_decl", {1: ("name", "str", False)}, True)}
MESSAGE[3] = ("nested_type", MESSAGE, True)
METHOD = {1: ("name", "str", False), 2: ("input_type", "str", False), 3: ("output_type", "str", False),
          4: ("options", {34: ("idempotency_level", "int", False)}, False),
          5: ("client_streaming", "int", False), 6: ("server_streaming", "int", False)}
SERVICE = {1: ("name", "str", False), 2: ("method", METHOD, True)}
LOCATION = {1: ("path", "int", True), 3: ("leading_comments", "str", False), 4: ("trailing_comments", "str", False)}
FILE = {1: ("name", "str", False), 2: ("package", "str", False), 4: ("message_type", MESSAGE, True),
        5: ("enum_type", ENUM, True), 6: ("service", SERVICE, True), 9: ("source_code_info",
        {1: ("location", LOCATION, True)}, False), 12: ("syntax", "str", False)}
FILE_SET = {1: ("file", FILE, True)}

# FieldDescriptorProto.Type
T_DOUBLE, T_FLOAT, T_INT64, T_UINT64, T_INT32, T_FIXED64, T_FIXED32, T_BOOL, T_STRING, T_GROUP, T_MESSAGE, \
    T_BYTES, T_UINT32, T_ENUM, T_SFIXED32, T_SFIXED64, T_SINT32, T_SINT64 = range(1, 19)
LABEL_REPEATED = 3

SCALARS = {  # type: (Swift type, zero value)
    T_DOUBLE: ("Double", "0"), T_FLOAT: ("Float", "0"), T_INT64: ("Int64", "0"), T_UINT64: ("UInt64", "0"),
    T_INT32: ("Int32", "0"), T_FIXED64: ("UInt64", "0"), T_FIXED32: ("UInt32", "0"), T_UINT32: ("UInt32", "0"),
    T_SFIXED32: ("Int32", "0"), T_SFIXED64: ("Int64", "0"), T_SINT32: ("Int32", "0"), T_SINT64: ("Int64", "0"),
}

SWIFT_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
    "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil",
    "super", "self", "Self", "throw", "throws", "true", "try", "Type", "Protocol", "any", "some",
}

# --- naming ----------------------------------------------------------------------------------------------------------

ACRONYMS = {"id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs"}


def camel(snake, upper_first=False):
    parts = [p for p in snake.split("_") if p]
    words = []
    for i, part in enumerate(parts):
        low = part.lower()
        if i == 0 and not upper_first:
            words.append(low)
        elif low in ACRONYMS:
            words.append(ACRONYMS[low])
        else:
            words.append(low[:1].upper() + low[1:])
    return "".join(words)


def escape(name):
    return "`%s`" % name if name in SWIFT_KEYWORDS else name


def c_lower(name):
    """protoc-c's lower_snake form of a CamelCase message name: GetActorRequest -> get_actor_request."""
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and not name[i - 1].isupper():
            out.append("_")
        elif ch.isupper() and i > 0 and i + 1 < len(name) and name[i + 1].islower() and name[i - 1].isupper():
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def snake_upper(name):
    return c_lower(name).upper()


def enum_prefix(enum_name):
    return snake_upper(enum_name) + "_"


# --- comments --------------------------------------------------------------------------------------------------------


def comment_lines(location):
    if not location:
        return []
    text = location["leading_comments"] or location["trailing_comments"]
    lines = [line.strip() for line in text.strip("\n").split("\n")]
    return [line for line in lines if line] if any(lines) else []


def doc(lines, indent):
    return "".join("%s/// %s\n" % (indent, line) for line in lines)


# --- generation ------------------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, file_set):
        self.files = file_set["file"]
        self.messages = {}  # ".pkg.Name" -> (file, message)
        self.enums = {}
        for f in self.files:
            if f["syntax"] != "proto3":
                sys.exit("swiftgen: %s: only proto3 files are supported" % f["name"])
            for m in f["message_type"]:
                if m["nested_type"] or m["enum_type"]:
                    sys.exit("swiftgen: %s: nested types are not supported" % m["name"])
                self.messages[".%s.%s" % (f["package"], m["name"])] = (f, m)
            for e in f["enum_type"]:
                self.enums[".%s.%s" % (f["package"], e["name"])] = (f, e)

    @staticmethod
    def c_type(package, name):
        return "".join(p.capitalize() + "__" for p in package.split(".")) + name

    @staticmethod
    def c_func(package, name):
        return "".join(p.lower() + "__" for p in package.split(".")) + c_lower(name)

    def swift_type(self, field):
        t = field["type"]
        if t in SCALARS:
            return SCALARS[t][0]
        if t == T_BOOL:
            return "Bool"
        if t == T_STRING:
            return "String"
        if t == T_BYTES:
            return "[UInt8]"
        if t in (T_ENUM, T_MESSAGE):
            return field["type_name"].rsplit(".", 1)[1]
        sys.exit("swiftgen: unsupported field type %d" % t)

    def generate_file(self, f):
        locations = {tuple(loc["path"]): loc for loc in (f["source_code_info"] or {"location": []})["location"]}
        out = ["// Generated by scripts/swiftgen.py from %s. DO NOT EDIT.\n" % f["name"],
               "// Regenerate with scripts/generate-protos.\n\n",
               "internal import CProtobufC\ninternal import PledgewireProtos\n"]
        for i, e in enumerate(f["enum_type"]):
            out.append(self.generate_enum(e, locations, (5, i)))
        for i, m in enumerate(f["message_type"]):
            out.append(self.generate_message(f, m, locations, (4, i)))
        for i, s in enumerate(f["service"]):
            out.append(self.generate_service(f, s, locations, (6, i)))
        return "".join(out)

    def generate_enum(self, e, locations, path):
        name = e["name"]
        prefix = enum_prefix(name)
        cases = []
        for j, v in enumerate(e["value"]):
            short = v["name"][len(prefix):] if v["name"].startswith(prefix) else v["name"]
            cases.append((escape(camel(short)), short, v["number"], comment_lines(locations.get(path + (2, j)))))
        lines = ["\n// MARK: - %s\n\n" % name, doc(comment_lines(locations.get(path)), ""),
                 "public enum %s: Sendable, Hashable, CaseIterable, RawRepresentable, ProtobufEnum {\n" % name]
        for case, short, number, comments in cases:
            lines.append(doc(comments, "  "))
            lines.append("  case %s\n" % case)
        lines.append("  /// A value this version of the schema does not know.\n  case unrecognized(Int32)\n\n")
        lines.append("  /// What the schema's value names start with; ``name`` leaves it out.\n")
        lines.append("  public static let namePrefix = \"%s\"\n\n" % (prefix if all(v["name"].startswith(prefix) for v in e["value"]) else ""))
        lines.append("  /// The known values, in schema order.\n")
        lines.append("  public static let allCases: [%s] = [%s]\n\n" % (name, ", ".join("." + c[0] for c in cases)))
        lines.append("  public init(rawValue: Int32) {\n    switch rawValue {\n")
        for case, _, number, _ in cases:
            lines.append("    case %d: self = .%s\n" % (number, case))
        lines.append("    default: self = .unrecognized(rawValue)\n    }\n  }\n\n")
        lines.append("  public var rawValue: Int32 {\n    switch self {\n")
        for case, _, number, _ in cases:
            lines.append("    case .%s: %d\n" % (case, number))
        lines.append("    case .unrecognized(let value): value\n    }\n  }\n\n")
        lines.append("  /// The value's name in the schema without the enum's prefix, e.g. \"%s\".\n" % cases[-1][1])
        lines.append("  public var name: String {\n    switch self {\n")
        for case, short, _, _ in cases:
            lines.append("    case .%s: \"%s\"\n" % (case, short))
        lines.append("    case .unrecognized(let value): String(value)\n    }\n  }\n}\n")
        return "".join(lines)

    def generate_message(self, f, m, locations, path):
        name = m["name"]
        ctype = self.c_type(f["package"], name)
        cfunc = self.c_func(f["package"], name)
        if m["oneof_decl"]:
            sys.exit("swiftgen: %s: oneof is not supported" % name)
        props = []
        for j, field in enumerate(m["field"]):
            if field["proto3_optional"]:
                sys.exit("swiftgen: %s.%s: proto3 optional is not supported by protoc-c 1.4" % (name, field["name"]))
            repeated = field["label"] == LABEL_REPEATED
            base = self.swift_type(field)
            t = field["type"]
            if repeated:
                swift, zero = "[%s]" % base, "[]"
            elif t == T_MESSAGE:
                swift, zero = base + "?", "nil"
            elif t == T_ENUM:
                enum = self.enums[field["type_name"]][1]
                first = enum["value"][0]["name"]
                prefix = enum_prefix(enum["name"])
                swift, zero = base, "." + escape(camel(first[len(prefix):] if first.startswith(prefix) else first))
            elif t == T_BOOL:
                swift, zero = "Bool", "false"
            elif t == T_STRING:
                swift, zero = "String", '""'
            elif t == T_BYTES:
                swift, zero = "[UInt8]", "[]"
            else:
                swift, zero = base, SCALARS[t][1]
            props.append({"field": field, "prop": escape(camel(field["name"])), "swift": swift, "zero": zero,
                          "base": base, "repeated": repeated, "c": field["name"],
                          "doc": comment_lines(locations.get(path + (2, j)))})

        out = ["\n// MARK: - %s\n\n" % name, doc(comment_lines(locations.get(path)), ""),
               "public struct %s: Sendable, Hashable {\n" % name]
        for p in props:
            out.append(doc(p["doc"], "  "))
            out.append("  public var %s: %s\n" % (p["prop"], p["swift"]))
        out.append("  /// Fields this version of the schema does not know, kept so that a decode and re-encode preserves them.\n")
        out.append("  public var unknownFields = UnknownFields()\n\n")
        out.append("  /// Creates a message; every field left out has its zero value.\n")
        params = ", ".join("%s: %s = %s" % (p["prop"], p["swift"], p["zero"]) for p in props)
        out.append("  public init(%s) {\n" % params)
        for p in props:
            out.append("    self.%s = %s\n" % (p["prop"].strip("`"), p["prop"]))
        out.append("  }\n}\n\n")

        out.append("extension %s: ProtobufMessage {\n" % name)
        out.append("  public static let protoName = \"%s.%s\"\n\n" % (f["package"], name))
        out.append("  public init(serializedBytes bytes: UnsafeRawBufferPointer) throws {\n")
        out.append("    self = try ProtobufCCodec.decode(Self.self, from: bytes)\n  }\n\n")
        out.append("  public func serialize(into buffer: inout [UInt8]) {\n")
        out.append("    ProtobufCCodec.serialize(self, into: &buffer)\n  }\n}\n\n")

        out.append(self.generate_json(name, props))
        out.append("extension %s: CMessage {\n" % name)
        out.append("  nonisolated(unsafe) static let cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> = {\n")
        out.append("    var message = %s()\n    %s__init(&message)\n" % (ctype, cfunc))
        out.append("    return message.base.descriptor\n  }()\n\n")
        out.append("  func lower(into arena: inout CArena) -> UnsafeMutablePointer<%s> {\n" % ctype)
        out.append("    let c = arena.allocate(%s.self)\n    %s__init(c)\n" % (ctype, cfunc))
        for p in props:
            out.append("    " + self.lower_statement(p) + "\n")
        out.append("    (c.pointee.base.n_unknown_fields, c.pointee.base.unknown_fields) = arena.unknownFields(self.unknownFields)\n")
        out.append("    return c\n  }\n\n")
        out.append("  init(lifting c: UnsafePointer<%s>) {\n" % ctype)
        if props:
            out.append("    self.init(\n")
            out.append(",\n".join("      %s: %s" % (p["prop"].strip("`"), self.lift_expression(p)) for p in props))
            out.append("\n    )\n")
        else:
            out.append("    self.init()\n")
        out.append("    self.unknownFields = UnknownFields(c.pointee.base.n_unknown_fields, c.pointee.base.unknown_fields)\n")
        out.append("  }\n}\n")
        return "".join(out)

    @staticmethod
    def json_name(field_name):
        """protoc's json_name: lowerCamelCase, each letter after an underscore capitalized."""
        out, upper = [], False
        for ch in field_name:
            if ch == "_":
                upper = True
            else:
                out.append(ch.upper() if upper else ch)
                upper = False
        return "".join(out)

    def generate_json(self, name, props):
        """The proto3 JSON mapping: lowerCamel names (both spellings read), int64 as strings, enums by name, bytes in
        base64, fields at their zero value left out."""
        out = ["extension %s: Codable {\n" % name]
        out.append("  /// The message in the proto3 JSON mapping; fields at their zero value are left out.\n")
        out.append("  public func encode(to encoder: any Encoder) throws {\n")
        if props:
            out.append("    var container = encoder.container(keyedBy: ProtobufJSONKey.self)\n")
        else:
            out.append("    _ = encoder.container(keyedBy: ProtobufJSONKey.self)\n")
        for p in props:
            t, v, key = p["field"]["type"], "self." + p["prop"].strip("`"), self.json_name(p["c"])
            kind = self.json_kind(t)
            if p["repeated"] and kind:
                out.append("    if !%s.isEmpty { try container.encode(%s.map(ProtoJSON.%s), forKey: \"%s\") }\n" % (v, v, kind, key))
            elif p["repeated"]:
                out.append("    if !%s.isEmpty { try container.encode(%s, forKey: \"%s\") }\n" % (v, v, key))
            elif t == T_MESSAGE:
                out.append("    if let value = %s { try container.encode(value, forKey: \"%s\") }\n" % (v, key))
            elif kind:
                out.append("    if %s != %s { try container.encode(ProtoJSON.%s(%s), forKey: \"%s\") }\n" % (v, p["zero"], kind, v, key))
            else:
                out.append("    if %s != %s { try container.encode(%s, forKey: \"%s\") }\n" % (v, p["zero"], v, key))
        out.append("  }\n\n")
        out.append("  /// Reads the proto3 JSON mapping: field names in lowerCamelCase or as in the schema, 64-bit integers as\n")
        out.append("  /// numbers or strings, enums by name or number, null for a zero value. An unknown field is an error.\n")
        out.append("  public init(from decoder: any Decoder) throws {\n")
        if props:
            out.append("    let container = try decoder.container(keyedBy: ProtobufJSONKey.self)\n")
            keys = []
            for p in props:
                keys.append(self.json_name(p["c"]))
                if p["c"] != self.json_name(p["c"]):
                    keys.append(p["c"])
            out.append("    try ProtoJSON.checkKeys(container, known: [%s])\n" % ", ".join('"%s"' % k for k in keys))
            out.append("    self.init()\n")
            for p in props:
                t, prop, key = p["field"]["type"], p["prop"].strip("`"), self.json_name(p["c"])
                kind = self.json_kind(t)
                base = p["base"]
                if p["repeated"]:
                    if kind:
                        out.append("    if let value = try ProtoJSON.%s(container, \"%s\", \"%s\") { self.%s = value }\n" % ("decode" + kind[:1].upper() + kind[1:] + "s", key, p["c"], prop))
                    else:
                        out.append("    if let value = try ProtoJSON.decode([%s].self, container, \"%s\", \"%s\") { self.%s = value }\n" % (base, key, p["c"], prop))
                elif kind:
                    out.append("    if let value = try ProtoJSON.%s(container, \"%s\", \"%s\") { self.%s = value }\n" % ("decode" + kind[:1].upper() + kind[1:], key, p["c"], prop))
                else:
                    out.append("    if let value = try ProtoJSON.decode(%s.self, container, \"%s\", \"%s\") { self.%s = value }\n" % (base, key, p["c"], prop))
        else:
            out.append("    _ = try decoder.container(keyedBy: ProtobufJSONKey.self)\n")
            out.append("    self.init()\n")
        out.append("  }\n}\n\n")
        return "".join(out)

    @staticmethod
    def json_kind(t):
        """The ProtoJSON helper a scalar type needs, or None when it encodes as itself (strings, bools, 32-bit
        integers, enums, messages)."""
        if t in (T_INT64, T_SINT64, T_SFIXED64):
            return "int64"
        if t in (T_UINT64, T_FIXED64):
            return "uint64"
        if t == T_BYTES:
            return "bytes"
        if t == T_DOUBLE:
            return "double"
        if t == T_FLOAT:
            return "float"
        return None

    def lower_statement(self, p):
        t, c, v = p["field"]["type"], p["c"], "self." + p["prop"].strip("`")
        if p["repeated"]:
            if t == T_STRING:
                return "(c.pointee.n_%s, c.pointee.%s) = arena.cStrings(%s)" % (c, c, v)
            if t == T_BYTES:
                return "(c.pointee.n_%s, c.pointee.%s) = arena.binaries(%s)" % (c, c, v)
            if t == T_MESSAGE:
                return "(c.pointee.n_%s, c.pointee.%s) = arena.messages(%s)" % (c, c, v)
            if t == T_ENUM:
                return "(c.pointee.n_%s, c.pointee.%s) = arena.enums(%s)" % (c, c, v)
            if t == T_BOOL:
                return "(c.pointee.n_%s, c.pointee.%s) = arena.bools(%s)" % (c, c, v)
            return "(c.pointee.n_%s, c.pointee.%s) = arena.scalars(%s)" % (c, c, v)
        if t == T_STRING:
            return "c.pointee.%s = arena.cString(%s)" % (c, v)
        if t == T_BYTES:
            return "c.pointee.%s = arena.binary(%s)" % (c, v)
        if t == T_MESSAGE:
            return "c.pointee.%s = %s.map { arena.lowered($0) }" % (c, v)
        if t == T_ENUM:
            return "c.pointee.%s = .init(rawValue: UInt32(bitPattern: %s.rawValue))" % (c, v)
        if t == T_BOOL:
            return "c.pointee.%s = %s ? 1 : 0" % (c, v)
        return "c.pointee.%s = %s" % (c, v)

    def lift_expression(self, p):
        t, c = p["field"]["type"], "c.pointee." + p["c"]
        if p["repeated"]:
            n = "c.pointee.n_" + p["c"]
            if t == T_STRING:
                return "CLift.strings(%s, %s)" % (n, c)
            if t == T_BYTES:
                return "CLift.binaries(%s, %s)" % (n, c)
            if t == T_MESSAGE:
                return "CLift.messages(%s, %s)" % (n, c)
            if t == T_ENUM:
                return "CLift.enums(%s, %s)" % (n, c)
            if t == T_BOOL:
                return "CLift.bools(%s, %s)" % (n, c)
            return "CLift.scalars(%s, %s)" % (n, c)
        if t == T_STRING:
            return "CLift.string(%s)" % c
        if t == T_BYTES:
            return "CLift.binary(%s)" % c
        if t == T_MESSAGE:
            return "%s.map { %s(lifting: $0) }" % (c, p["base"])
        if t == T_ENUM:
            return "%s(rawValue: Int32(bitPattern: %s.rawValue))" % (p["base"], c)
        if t == T_BOOL:
            return "%s != 0" % c
        return c

    def generate_service(self, f, s, locations, path):
        full = "%s.%s" % (f["package"], s["name"])
        out = ["\n// MARK: - %s\n\n" % s["name"], doc(comment_lines(locations.get(path)), ""),
               "public enum %s {\n" % s["name"]]
        out.append("  /// The service's methods, in schema order.\n")
        out.append("  public static let descriptor = ServiceDescriptor(\n    name: \"%s\",\n    methods: [%s]\n  )\n"
                   % (full, ", ".join("%s.descriptor" % m["name"] for m in s["method"])))
        for j, m in enumerate(s["method"]):
            kind = self.method_kind(m)
            comments = comment_lines(locations.get(path + (2, j))) or ["`%s`" % kind]
            out.append("\n" + doc(comments, "  "))
            out.append("  public enum %s: RPCMethod {\n" % m["name"])
            out.append("    public typealias Input = %s\n" % m["input_type"].rsplit(".", 1)[1])
            out.append("    public typealias Output = %s\n" % m["output_type"].rsplit(".", 1)[1])
            out.append("    public static let descriptor = MethodDescriptor(\n")
            idempotent = "true" if m["options"] and m["options"]["idempotency_level"] in (1, 2) else "false"
            out.append("      service: \"%s\", name: \"%s\", kind: .%s, isIdempotent: %s,\n" % (full, m["name"], kind, idempotent))
            out.append("      inputType: \"%s\", outputType: \"%s\"\n    )\n  }\n"
                       % (m["input_type"].lstrip("."), m["output_type"].lstrip(".")))
        out.append("}\n\n")
        cdesc = "%s__descriptor" % self.c_func(f["package"], s["name"])
        out.append("extension %s {\n" % s["name"])
        out.append("  /// protoc-c's view of the service: method names with input and output types, by index.\n")
        out.append("  static var protobufCMethods: [(name: String, input: String, output: String)] {\n")
        out.append("    let service = %s\n" % cdesc)
        out.append("    return (0..<Int(service.n_methods)).map { index in\n")
        out.append("      let method = service.methods[index]\n")
        out.append("      return (String(cString: method.name), String(cString: method.input.pointee.name),\n")
        out.append("              String(cString: method.output.pointee.name))\n    }\n  }\n}\n")
        return "".join(out)

    def fixture_value(self, field, message_name, depth):
        t, number = field["type"], field["number"]
        if t in (T_INT64, T_SINT64, T_SFIXED64):
            return "-%d" % (1_000_000_007 * number)
        if t in (T_UINT64, T_FIXED64):
            return "UInt64.max - %d" % number
        if t in (T_INT32, T_SINT32, T_SFIXED32):
            return "-%d" % (1000 * number)
        if t in (T_UINT32, T_FIXED32):
            return "UInt32.max - %d" % number
        if t in (T_DOUBLE, T_FLOAT):
            return "%d.25" % number
        if t == T_BOOL:
            return "true"
        if t == T_STRING:
            return '"%s.%s \\u{00B7} Zelenskyy \\u{0417}\\u{0435}\\u{043B}\\u{0435}\\u{043D}\\u{0441}\\u{044C}\\u{043A}\\u{0438}\\u{0439} \\u{1F1FA}\\u{1F1E6}"' % (
                message_name, field["name"])
        if t == T_BYTES:
            return "[0, 1, 0x7f, 0x80, 0xff, %d]" % number
        if t == T_ENUM:
            enum = self.enums[field["type_name"]][1]
            prefix = enum_prefix(enum["name"])
            last = enum["value"][-1]["name"]
            return "." + escape(camel(last[len(prefix):] if last.startswith(prefix) else last))
        if t == T_MESSAGE:
            return "%s.populated()" % field["type_name"].rsplit(".", 1)[1]
        sys.exit("swiftgen: unsupported field type %d" % t)

    def generate_fixtures(self):
        out = ["// Generated by scripts/swiftgen.py. DO NOT EDIT.\n\n", "import PledgewireWire\n"]
        names = []
        for f in self.files:
            for m in f["message_type"]:
                names.append(m["name"])
                out.append("\nextension %s {\n  /// Every field set to a non-zero value; repeated fields hold two.\n" % m["name"])
                out.append("  static func populated() -> %s {\n    %s(" % (m["name"], m["name"]))
                args = []
                for field in m["field"]:
                    value = self.fixture_value(field, m["name"], 0)
                    if field["label"] == LABEL_REPEATED:
                        other = value
                        if field["type"] == T_ENUM:
                            enum = self.enums[field["type_name"]][1]
                            prefix = enum_prefix(enum["name"])
                            first = enum["value"][1]["name"] if len(enum["value"]) > 1 else enum["value"][0]["name"]
                            other = "." + escape(camel(first[len(prefix):] if first.startswith(prefix) else first))
                        value = "[%s, %s]" % (other, value)
                    args.append("\n      %s: %s" % (camel(field["name"]), value))
                out.append(",".join(args))
                out.append(("\n    " if args else "") + ")\n  }\n}\n")
        out.append("\n/// A populated value of every message in Protos/.\nlet allPopulatedMessages: [any ProtobufMessage] = [\n")
        out.append("".join("  %s.populated(),\n" % n for n in names))
        out.append("]\n")
        return "".join(out)

    @staticmethod
    def accessor(service_name):
        """The client's property for a service: its name without "Service", lowerCamelCase ("PledgeService": pledge)."""
        stem = service_name[:-len("Service")] if service_name.endswith("Service") and service_name != "Service" else service_name
        return escape(camel(c_lower(stem)))

    @staticmethod
    def method_kind(m):
        return {(0, 0): "unary", (0, 1): "serverStreaming", (1, 0): "clientStreaming",
                (1, 1): "bidiStreaming"}[(m["client_streaming"], m["server_streaming"])]

    def generate_services(self):
        """A server-side protocol per service (every method required) and its registration in a Router."""
        out = ["// Generated by scripts/swiftgen.py from Protos/. DO NOT EDIT.\n\n", "import PledgewireWire\n"]
        for f in self.files:
            locations = {tuple(loc["path"]): loc for loc in (f["source_code_info"] or {"location": []})["location"]}
            for i, svc in enumerate(f["service"]):
                name = svc["name"]
                full = "%s.%s" % (f["package"], name)
                out.append("\n// MARK: - %s\n\nextension %s {\n" % (name, name))
                out.append("  /// The server side of `%s`: every method is required, so a service that misses one does\n" % full)
                out.append("  /// not compile. Conforming types get ``RPCService/register(in:)`` for free.\n")
                out.append("  public protocol ServiceProtocol: RPCService {\n")
                for j, m in enumerate(svc["method"]):
                    inp = m["input_type"].rsplit(".", 1)[1]
                    outp = m["output_type"].rsplit(".", 1)[1]
                    func = escape(camel(c_lower(m["name"])))
                    kind = self.method_kind(m)
                    comments = comment_lines(locations.get((6, i, 2, j))) or ["`%s`, %s." % (m["name"], kind)]
                    out.append(doc(comments, "    "))
                    if kind == "unary":
                        out.append("    func %s(_ request: %s, context: ServerContext) async throws -> %s\n" % (func, inp, outp))
                    elif kind == "serverStreaming":
                        out.append("    func %s(_ request: %s, writer: ResponseWriter<%s>, context: ServerContext) async throws\n" % (func, inp, outp))
                    elif kind == "clientStreaming":
                        out.append("    func %s(_ requests: RequestStream<%s>, context: ServerContext) async throws -> %s\n" % (func, inp, outp))
                    else:
                        sys.exit("swiftgen: %s: bidirectional streaming is not supported by the server" % m["name"])
                out.append("  }\n}\n\n")
                out.append("extension %s.ServiceProtocol {\n" % name)
                out.append("  /// Registers every method of the service.\n")
                out.append("  public func register(in router: inout Router) {\n    registerMethods(in: &router)\n  }\n\n")
                out.append("  /// Registers every method with its handler. A conforming type that implements ``register(in:)`` itself\n")
                out.append("  /// (to add a fast path, say) calls this first.\n")
                out.append("  public func registerMethods(in router: inout Router) {\n")
                for m in svc["method"]:
                    func = escape(camel(c_lower(m["name"])))
                    kind = self.method_kind(m)
                    ref = "%s.%s.self" % (name, m["name"])
                    if kind == "unary":
                        out.append("    router.unary(%s) { request, context in\n      try await self.%s(request, context: context)\n    }\n" % (ref, func))
                    elif kind == "serverStreaming":
                        out.append("    router.serverStreaming(%s) { request, writer, context in\n      try await self.%s(request, writer: writer, context: context)\n    }\n" % (ref, func))
                    else:
                        out.append("    router.clientStreaming(%s) { requests, context in\n      try await self.%s(requests, context: context)\n    }\n" % (ref, func))
                out.append("  }\n}\n")
        return "".join(out)

    def generate_clients(self):
        out = ["// Generated by scripts/swiftgen.py from Protos/. DO NOT EDIT.\n\n", "import PledgewireWire\n"]
        for f in self.files:
            locations = {tuple(loc["path"]): loc for loc in (f["source_code_info"] or {"location": []})["location"]}
            for i, svc in enumerate(f["service"]):
                name = svc["name"]
                full = "%s.%s" % (f["package"], name)
                accessor = self.accessor(name)
                out.append("\n// MARK: - %s\n\n/// Typed calls of `%s`.\n" % (name, full))
                out.append("public struct %sClient: Sendable {\n" % name)
                out.append("  /// The client the calls go through.\n  public let client: PledgewireClient\n\n")
                out.append("  /// Typed calls through `client`.\n  public init(client: PledgewireClient) {\n    self.client = client\n  }\n")
                for j, m in enumerate(svc["method"]):
                    inp = m["input_type"].rsplit(".", 1)[1]
                    outp = m["output_type"].rsplit(".", 1)[1]
                    func = camel(c_lower(m["name"]))
                    comments = comment_lines(locations.get((6, i, 2, j)))
                    ref = "%s.%s.self" % (name, m["name"])
                    out.append("\n")
                    if m["client_streaming"] and not m["server_streaming"]:
                        out.append(doc(comments or ["Client-streaming `%s`: sends every request, returns the one response." % m["name"]], "  "))
                        out.append("  public func %s(\n    _ requests: some Sequence<%s> & Sendable,\n    options: CallOptions = CallOptions()\n  ) async throws -> %s {\n" % (func, inp, outp))
                        out.append("    try await client.clientStreaming(%s, requests: requests, options: options)\n  }\n\n" % ref)
                        out.append("  /// Client-streaming `%s`: `body` sends the requests through the writer; returns the response.\n" % m["name"])
                        out.append("  public func %s(\n    options: CallOptions = CallOptions(),\n    _ body: @Sendable (RequestWriter<%s>) async throws -> Void\n  ) async throws -> %s {\n" % (func, inp, outp))
                        out.append("    try await client.clientStreaming(%s, options: options, body)\n  }\n" % ref)
                    elif m["server_streaming"] and not m["client_streaming"]:
                        out.append(doc(comments or ["Server-streaming `%s`: the responses, as they arrive." % m["name"]], "  "))
                        out.append("  public func %s(_ request: %s, options: CallOptions = CallOptions()) -> ResponseStream<%s> {\n" % (func, inp, outp))
                        out.append("    client.serverStreaming(%s, request, options: options)\n  }\n" % ref)
                    elif not m["server_streaming"]:
                        out.append(doc(comments or ["Unary `%s`." % m["name"]], "  "))
                        out.append("  public func %s(_ request: %s, options: CallOptions = CallOptions()) async throws -> %s {\n" % (func, inp, outp))
                        out.append("    try await client.unary(%s, request, options: options)\n  }\n" % ref)
                    else:
                        sys.exit("swiftgen: %s: bidirectional streaming is not supported by the client" % m["name"])
                out.append("}\n\nextension PledgewireClient {\n  /// Typed calls of `%s`.\n" % full)
                out.append("  public var %s: %sClient {\n    %sClient(client: self)\n  }\n}\n" % (accessor, name, name))
        return "".join(out)

    def generate_catalog(self, descriptor_set):
        services = [s["name"] for f in self.files for s in f["service"]]
        messages = [m["name"] for f in self.files for m in f["message_type"]]
        encoded = base64.b64encode(descriptor_set).decode("ascii")
        chunks = "\n".join(encoded[i:i + 116] for i in range(0, len(encoded), 116))
        return ("// Generated by scripts/swiftgen.py. DO NOT EDIT.\n\n"
                "/// Every service and message defined in Protos/.\n"
                "public enum ServiceCatalog {\n"
                "  /// The services with their methods and streaming kinds, in file order.\n"
                "  public static let services: [ServiceDescriptor] = [\n%s  ]\n\n"
                "  /// Every message type, by full name (\"pledgewire.v1.Pledge\").\n"
                "  public static let messages: [String: any ProtobufMessage.Type] = [\n%s  ]\n\n"
                "  /// A serialized `google.protobuf.FileDescriptorSet` of Protos/, comments included: what reflection serves.\n"
                "  public static let fileDescriptorSet: [UInt8] = ProtoJSON.base64Decoded(\"\"\"\n%s\n\"\"\")!\n\n"
                "  /// protoc-c's method lists, by service name, to check ``services`` against.\n"
                "  static var protobufCMethods: [String: [(name: String, input: String, output: String)]] {\n"
                "    [\n%s    ]\n  }\n}\n"
                % ("".join("    %s.descriptor,\n" % s for s in services),
                   "".join("    %s.protoName: %s.self,\n" % (m, m) for m in messages),
                   chunks,
                   "".join("      %s.descriptor.name: %s.protobufCMethods,\n" % (s, s) for s in services)))


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as fh:
        descriptor_set = fh.read()
    file_set = parse(descriptor_set, FILE_SET)
    gen = Generator(file_set)
    os.makedirs(sys.argv[2], exist_ok=True)
    for f in gen.files:
        base = os.path.splitext(os.path.basename(f["name"]))[0]
        with open(os.path.join(sys.argv[2], "%s.pw.swift" % base), "w") as fh:
            fh.write(gen.generate_file(f))
    with open(os.path.join(sys.argv[2], "ServiceCatalog.pw.swift"), "w") as fh:
        fh.write(gen.generate_catalog(descriptor_set))
    os.makedirs(os.path.dirname(sys.argv[3]), exist_ok=True)
    with open(sys.argv[3], "w") as fh:
        fh.write(gen.generate_fixtures())
    os.makedirs(os.path.dirname(sys.argv[4]), exist_ok=True)
    with open(sys.argv[4], "w") as fh:
        fh.write(gen.generate_clients())
    os.makedirs(os.path.dirname(sys.argv[5]), exist_ok=True)
    with open(sys.argv[5], "w") as fh:
        fh.write(gen.generate_services())


if __name__ == "__main__":
    main()

using System.Text.Json.Serialization;

namespace Autograder.Worker.Protocol;

/// <summary>
/// The protocol's serialisation code, generated at build time (System.Text.Json's source generator) with
/// <see cref="WireJson.Options"/>' settings. Every worker is a fresh process: with the reflection-based serializer each
/// one built the messages' contracts again (reflection, about 500 methods JIT-compiled before its first answer).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = false,
    Converters = [typeof(WireBytesConverter)])]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerResponse))]
internal sealed partial class WireContext : JsonSerializerContext;

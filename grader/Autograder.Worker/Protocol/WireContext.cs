using System.Text.Json.Serialization;

namespace Autograder.Worker.Protocol;

/// <summary>
/// The protocol's serialisation code, generated at build time (System.Text.Json's source generator) with
/// <see cref="WireJson.Options"/>' settings. Every worker is a fresh process, and with the reflection-based serializer each
/// one built the messages' contracts again by reflection. The gain is small: a cold HW6 grade 2.77-2.79 s against
/// 2.80-2.82 s (docs/performance.md, "Batch-grading a class"); the worker JIT-compiles about as many methods as before
/// (generic metadata code over the messages' value types instead of reflection).
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

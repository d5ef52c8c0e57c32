using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Autograder.Worker.Protocol;

/// <summary>
/// A value crossing the host/worker boundary. Closed union: the derived records below are the only
/// kinds, tagged by <c>k</c> on the wire. Tensors travel as shape + raw little-endian float64 bytes
/// (base64 in JSON) so NaN, Inf and every bit of the value survive the trip.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(NullValue), "null")]
[JsonDerivedType(typeof(IntValue), "int")]
[JsonDerivedType(typeof(DoubleValue), "double")]
[JsonDerivedType(typeof(BoolValue), "bool")]
[JsonDerivedType(typeof(StringValue), "string")]
[JsonDerivedType(typeof(IntsValue), "ints")]
[JsonDerivedType(typeof(DoublesValue), "doubles")]
[JsonDerivedType(typeof(BytesValue), "bytes")]
[JsonDerivedType(typeof(TensorValue), "tensor")]
[JsonDerivedType(typeof(PixelsValue), "pixels")]
[JsonDerivedType(typeof(RngValue), "rng")]
[JsonDerivedType(typeof(RefValue), "ref")]
[JsonDerivedType(typeof(ObjectValue), "object")]
[JsonDerivedType(typeof(ListValue), "list")]
[JsonDerivedType(typeof(FuncValue), "func")]
internal abstract record WireValue;

internal sealed record NullValue : WireValue;

internal sealed record IntValue(long Value) : WireValue;

internal sealed record DoubleValue(double Value) : WireValue;

internal sealed record BoolValue(bool Value) : WireValue;

/// <summary>A string, or the name of an enum member when the parameter is an enum.</summary>
internal sealed record StringValue(string Value) : WireValue;

internal sealed record IntsValue(int[] Values) : WireValue;

internal sealed record DoublesValue(double[] Values) : WireValue;

/// <summary>Raw bytes for a <c>byte[]</c> parameter (a data set's pixels: an attachment of the request, see <see cref="WireJson"/>).</summary>
internal sealed record BytesValue(byte[] Data) : WireValue;

/// <summary>A tensor: shape and row-major float64 payload.</summary>
internal sealed record TensorValue(int[] Shape, byte[] Data) : WireValue
{
    public static TensorValue From(int[] shape, double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return new TensorValue(shape, bytes);
    }

    public double[] Values()
    {
        var values = new double[Data.Length / sizeof(double)];
        Buffer.BlockCopy(Data, 0, values, 0, values.Length * sizeof(double));
        return values;
    }
}

/// <summary>
/// A float64 matrix whose values come from a table of 256: row-major bytes, each standing for <c>Table[byte]</c> (the table
/// as 256 raw little-endian float64, 2,048 bytes). A data set of images travels this way (a byte a pixel instead of
/// eight), decoded to exactly the doubles the host holds: the host's table is its own pixel scaling applied to 0..255.
/// </summary>
internal sealed record PixelsValue(int[] Shape, byte[] Pixels, byte[] Table) : WireValue
{
    /// <summary>Writes <c>Table[Pixels[i]]</c> into <paramref name="destination"/> (as long as the pixels).</summary>
    public void Decode(Span<double> destination)
    {
        if (Table.Length != 256 * sizeof(double))
        {
            throw new ArgumentException($"pixels: expected a table of 256 float64 (2048 bytes), found {Table.Length} bytes");
        }

        if (Shape.Aggregate(1L, (product, dim) => product * dim) != Pixels.Length || destination.Length < Pixels.Length)
        {
            throw new ArgumentException($"pixels: shape [{string.Join(", ", Shape)}] does not match {Pixels.Length} pixels");
        }

        ReadOnlySpan<double> table = MemoryMarshal.Cast<byte, double>(Table);
        for (var i = 0; i < Pixels.Length; i++)
        {
            destination[i] = table[Pixels[i]];
        }
    }
}

/// <summary>A fresh <c>NeuralNet.Rng</c> with this seed.</summary>
internal sealed record RngValue(ulong Seed) : WireValue;

/// <summary>An object the engine holds under a name (a binding or a handle it handed out).</summary>
internal sealed record RefValue(string Name) : WireValue;

/// <summary>A result the engine cannot serialise by value: bound to <paramref name="Handle"/>.</summary>
internal sealed record ObjectValue(string Handle, string Type) : WireValue;

internal sealed record ListValue(IReadOnlyList<WireValue> Items) : WireValue;

/// <summary>
/// A function built in the worker, never sent as code: where a parameter wants a <c>Func&lt;T&gt;</c> or
/// <c>Action</c>, the engine passes a delegate that runs <paramref name="Body"/> (ordinary requests against
/// the engine's own bindings, e.g. a forward pass of provided code) and returns the last result.
/// HW3's gradient checker takes such a loss closure: F(w) is evaluated where w lives.
/// </summary>
internal sealed record FuncValue(IReadOnlyList<WorkerRequest> Body) : WireValue;

using System.Text.Json;

namespace DataConverter;

/// <summary>Small helpers for walking the npm packages' JSON files with a forward-only reader.</summary>
internal static class JsonStreams
{
    /// <summary>Positions <paramref name="reader"/> on the StartArray of the top-level "data" property.</summary>
    public static void MoveToDataArray(ref Utf8JsonReader reader, string name)
    {
        Read(ref reader, name);
        Expect(ref reader, JsonTokenType.StartObject, name);
        while (Read(ref reader, name) && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = reader.ValueTextEquals("data");
            Read(ref reader, name);
            if (isData)
            {
                Expect(ref reader, JsonTokenType.StartArray, $"{name} \"data\"");
                return;
            }

            reader.Skip();
        }

        throw new InvalidDataException($"{name}: no \"data\" property");
    }

    public static bool Read(ref Utf8JsonReader reader, string name)
    {
        try
        {
            return reader.Read() ? true : throw new InvalidDataException($"{name}: unexpected end of JSON");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: malformed JSON ({e.Message})", e);
        }
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string where)
    {
        if (reader.TokenType != expected)
        {
            throw new InvalidDataException($"{where}: expected {expected}, found {reader.TokenType}");
        }
    }
}

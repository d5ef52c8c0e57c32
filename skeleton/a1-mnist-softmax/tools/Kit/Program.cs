using Kit;
using Kit.Scoring;

// dotnet run --project tools/Kit -- pack [--out FILE] [--force]
// dotnet run --project tools/Kit -- score RESULTS.trx [--build-log FILE]
var kitFolder = KitFolder.Find(Directory.GetCurrentDirectory());
switch (args.FirstOrDefault())
{
    case "pack":
        var outIndex = Array.IndexOf(args, "--out");
        return Packer.Pack(kitFolder, outIndex > 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null, args.Contains("--force"), Console.Out);
    case "score" when args.Length >= 2:
        var logIndex = Array.IndexOf(args, "--build-log");
        return ScoreCommand.Run(kitFolder, args[1], Console.Out, logIndex > 0 && logIndex + 1 < args.Length ? args[logIndex + 1] : null);
    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/Kit -- pack [--out FILE] [--force]");
        Console.Error.WriteLine("       dotnet run --project tools/Kit -- score RESULTS.trx [--build-log FILE]");
        return 2;
}

namespace Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: Benchmarks <matmul|...>");
        return args.Length == 0 ? 2 : 0;
    }
}

using System.Text;

namespace ShakespeareConverter;

/// <summary>
/// The plain-text layout of data/shakespeare/sonnets.txt: per sonnet its Roman numeral on a line,
/// its lines (trailing spaces removed), then an empty line; '\n' line ends, UTF-8 without BOM.
/// </summary>
internal static class SonnetText
{
    public static string Format(IReadOnlyList<Sonnet> sonnets)
    {
        var text = new StringBuilder();
        foreach (var sonnet in sonnets)
        {
            text.Append(Roman(sonnet.Number)).Append('\n');
            foreach (var line in sonnet.Lines)
            {
                text.Append(line.TrimEnd()).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Roman(int number)
    {
        (int Value, string Symbol)[] table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var result = new StringBuilder();
        foreach (var (value, symbol) in table)
        {
            while (number >= value)
            {
                result.Append(symbol);
                number -= value;
            }
        }

        return result.ToString();
    }
}

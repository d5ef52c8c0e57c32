namespace NeuralNet;

/// <summary>
/// A row count known when the micro-kernel is compiled: the JIT specialises a generic method per struct
/// type argument, so <c>if (TRows.Count > 5)</c> folds away and each edge size gets straight-line code.
/// </summary>
internal interface IGemmRows
{
    static abstract int Count { get; }
}

internal readonly struct Rows1 : IGemmRows
{
    public static int Count => 1;
}

internal readonly struct Rows2 : IGemmRows
{
    public static int Count => 2;
}

internal readonly struct Rows3 : IGemmRows
{
    public static int Count => 3;
}

internal readonly struct Rows4 : IGemmRows
{
    public static int Count => 4;
}

internal readonly struct Rows5 : IGemmRows
{
    public static int Count => 5;
}

internal readonly struct Rows6 : IGemmRows
{
    public static int Count => 6;
}

internal readonly struct Rows7 : IGemmRows
{
    public static int Count => 7;
}

internal readonly struct Rows8 : IGemmRows
{
    public static int Count => 8;
}

internal readonly struct Rows9 : IGemmRows
{
    public static int Count => 9;
}

internal readonly struct Rows10 : IGemmRows
{
    public static int Count => 10;
}

internal readonly struct Rows11 : IGemmRows
{
    public static int Count => 11;
}

internal readonly struct Rows12 : IGemmRows
{
    public static int Count => 12;
}

using System.Collections;
using System.Reflection;
using Autograder.Worker.Protocol;

namespace Autograder.Worker.Engine;

/// <summary>
/// Turns wire values into .NET arguments for a given parameter list and picks the first overload
/// whose parameters accept them all (params arrays and optional parameters included). A
/// <see cref="FuncValue"/> becomes a <c>Func&lt;T&gt;</c> or <c>Action</c> that runs its body through <paramref name="run"/>.
/// </summary>
internal sealed class ArgumentBinder(LibraryTypes types, IReadOnlyDictionary<string, object?> bindings, Func<IReadOnlyList<WorkerRequest>, object?> run)
{
    private static readonly MethodInfo MakeFuncMethod = typeof(ArgumentBinder).GetMethod(nameof(MakeFunc), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public (T Member, object?[] Args) Bind<T>(IEnumerable<T> candidates, IReadOnlyList<WireValue> args, string what)
        where T : MethodBase
    {
        var list = candidates.OrderBy(m => m.GetParameters().Length).ToList();
        foreach (var candidate in list)
        {
            if (TryBind(candidate.GetParameters(), args, out var bound))
            {
                return (candidate, bound);
            }
        }

        var signatures = list.Count == 0 ? "none" : string.Join("; ", list.Select(Describe));
        throw new MissingMethodException($"{what}: no public overload accepts ({string.Join(", ", args.Select(Kind))}); candidates: {signatures}");
    }

    public object? Convert(WireValue value, Type target)
    {
        if (!TryConvert(value, target, out var result))
        {
            throw new ArgumentException($"cannot pass a {Kind(value)} as {target.Name}");
        }

        return result;
    }

    /// <summary>A wire value as the library's natural .NET value: tensor, Rng, arrays, numbers, strings, bound objects.</summary>
    public object? Natural(WireValue value) => value switch
    {
        NullValue => null,
        IntValue i => i.Value is >= int.MinValue and <= int.MaxValue ? (int)i.Value : i.Value,
        DoubleValue d => d.Value,
        BoolValue b => b.Value,
        StringValue s => s.Value,
        IntsValue a => a.Values.ToArray(),
        DoublesValue a => a.Values.ToArray(),
        TensorValue t => types.NewTensor(t.Shape, t.Values()),
        RngValue r => types.NewRng(r.Seed),
        RefValue r => bindings.TryGetValue(r.Name, out var bound) ? bound : throw new ArgumentException($"no object bound to '{r.Name}'"),
        ListValue l => l.Items.Select(Natural).ToList(),
        FuncValue f => MakeFunc<object?>(f),
        _ => throw new ArgumentException($"cannot bind a {Kind(value)}"),
    };

    private bool TryBind(ParameterInfo[] parameters, IReadOnlyList<WireValue> args, out object?[] bound)
    {
        bound = new object?[parameters.Length];
        var isParams = parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute));
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (isParams && i == parameters.Length - 1 && !(args.Count == parameters.Length && TryConvert(args[i], p.ParameterType, out _)))
            {
                var elementType = p.ParameterType.GetElementType()!;
                var rest = args.Skip(i).ToList();
                var array = Array.CreateInstance(elementType, rest.Count);
                for (var j = 0; j < rest.Count; j++)
                {
                    if (!TryConvert(rest[j], elementType, out var item))
                    {
                        return false;
                    }

                    array.SetValue(item, j);
                }

                bound[i] = array;
                return true;
            }

            if (i >= args.Count)
            {
                if (!p.HasDefaultValue)
                {
                    return false;
                }

                bound[i] = p.DefaultValue;
                continue;
            }

            if (!TryConvert(args[i], p.ParameterType, out bound[i]))
            {
                return false;
            }
        }

        return args.Count <= parameters.Length;
    }

    private bool TryConvert(WireValue value, Type target, out object? result)
    {
        result = null;
        var nullable = Nullable.GetUnderlyingType(target);
        if (nullable is not null)
        {
            return value is NullValue || TryConvert(value, nullable, out result);
        }

        switch (value)
        {
            case NullValue:
                return !target.IsValueType;
            case IntValue i when target == typeof(int) && i.Value is >= int.MinValue and <= int.MaxValue:
                result = (int)i.Value;
                return true;
            case IntValue i when target == typeof(long):
                result = i.Value;
                return true;
            case IntValue i when target == typeof(ulong) && i.Value >= 0:
                result = (ulong)i.Value;
                return true;
            case IntValue i when target == typeof(double):
                result = (double)i.Value;
                return true;
            case IntValue i when target == typeof(float):
                result = (float)i.Value;
                return true;
            case DoubleValue d when target == typeof(double):
                result = d.Value;
                return true;
            case DoubleValue d when target == typeof(float):
                result = (float)d.Value;
                return true;
            case BoolValue b when target == typeof(bool):
                result = b.Value;
                return true;
            case StringValue s when target.IsEnum:
                return Enum.TryParse(target, s.Value, ignoreCase: false, out result);
            case StringValue s when target.IsAssignableFrom(typeof(string)):
                result = s.Value;
                return true;
            case IntsValue a when target.IsAssignableFrom(typeof(int[])):
                result = a.Values.ToArray();
                return true;
            case DoublesValue a when target.IsAssignableFrom(typeof(double[])):
                result = a.Values.ToArray();
                return true;
            case BytesValue b when target == typeof(byte[]):
                // Not copied, unlike the arrays above: a data set's pixels (megabytes, a request attachment read for this
                // request alone) that the callee keeps. A FuncValue body that passed the same bytes on every run would share them.
                result = b.Data;
                return true;
            case TensorValue t when types.Tensor is not null && target.IsAssignableFrom(types.Tensor):
                result = types.NewTensor(t.Shape, t.Values());
                return true;
            case RngValue r when types.Rng is not null && target.IsAssignableFrom(types.Rng):
                result = types.NewRng(r.Seed);
                return true;
            case RefValue r when bindings.TryGetValue(r.Name, out var bound):
                result = bound;
                return bound is null ? !target.IsValueType : target.IsInstanceOfType(bound);
            case ListValue l:
                return TryConvertList(l, target, out result);
            case FuncValue f when target == typeof(Action):
                result = new Action(() => run(f.Body));
                return true;
            case FuncValue f when target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Func<>):
                result = MakeFuncMethod.MakeGenericMethod(target.GetGenericArguments()[0]).Invoke(this, [f]);
                return true;
            default:
                return false;
        }
    }

    private bool TryConvertList(ListValue list, Type target, out object? result)
    {
        result = null;
        var elementType = target.IsArray ? target.GetElementType() : ListElementType(target);
        if (elementType is null)
        {
            return false;
        }

        var array = Array.CreateInstance(elementType, list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (!TryConvert(list.Items[i], elementType, out var item))
            {
                return false;
            }

            array.SetValue(item, i);
        }

        if (target.IsAssignableFrom(array.GetType()))
        {
            result = array;
            return true;
        }

        var concrete = typeof(List<>).MakeGenericType(elementType);
        if (!target.IsAssignableFrom(concrete))
        {
            return false;
        }

        var typed = (IList)Activator.CreateInstance(concrete)!;
        foreach (var item in array)
        {
            typed.Add(item);
        }

        result = typed;
        return true;
    }

    private Func<T> MakeFunc<T>(FuncValue f) => () => Coerce<T>(run(f.Body));

    private static T Coerce<T>(object? value) => value switch
    {
        T typed => typed,
        null when default(T) is null => default!,
        IConvertible number when typeof(T) == typeof(double) => (T)(object)number.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"the function returned {value?.GetType().Name ?? "null"}, expected {typeof(T).Name}"),
    };

    private static Type? ListElementType(Type target) =>
        target.IsGenericType && target.GetGenericArguments().Length == 1 && target.IsInterface
            ? target.GetGenericArguments()[0]
            : target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>) ? target.GetGenericArguments()[0] : null;

    private static string Describe(MethodBase m) =>
        $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})";

    private static string Kind(WireValue v) => v.GetType().Name.Replace("Value", "", StringComparison.Ordinal).ToLowerInvariant();
}

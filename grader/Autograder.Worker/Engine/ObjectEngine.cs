using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Autograder.Worker.Protocol;

namespace Autograder.Worker.Engine;

/// <summary>
/// Serves <see cref="WorkerRequest"/>s against one course-library assembly by reflection: constructs
/// types, calls methods, reads and writes members, keeps named bindings, and turns
/// <see cref="FuncValue"/>s into delegates that run requests here. The worker runs it on the student
/// build; the host runs the very same code on the trusted reference, so both sides of every
/// comparison go through identical argument binding.
/// </summary>
internal sealed class ObjectEngine
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
    private readonly Dictionary<string, object?> _bindings = [];
    private readonly Dictionary<string, (double[] Values, int Rows, int Columns, int Filled)> _rows = new(StringComparer.Ordinal);

    /// <summary>Matrices sent with a key by <c>let-rows</c>, kept across <c>reset</c> for <c>let-kept</c> (never handed out: bound as copies).</summary>
    private readonly Dictionary<string, (string Key, double[] Values, int Rows, int Columns)> _kept = new(StringComparer.Ordinal);
    private readonly Func<string, Assembly>? _loader;
    private LibraryTypes? _types;
    private int _nextHandle;

    /// <summary>An engine that waits for a <c>load</c> request and loads the library with <paramref name="loader"/>.</summary>
    public ObjectEngine(Func<string, Assembly> loader) => _loader = loader;

    /// <summary>An engine over an already loaded library.</summary>
    public ObjectEngine(Assembly library) => _types = new LibraryTypes(library);

    public WorkerResponse Execute(WorkerRequest request)
    {
        try
        {
            var (result, args) = Perform(request);
            // A let only binds: the host already has the value, and echoing a whole data set (A1's 6,400 training
            // images: 53 MB of base64) cost the worker 0.4-0.6 s and the host about a second to read back.
            var value = request.Op is "let" or "let-rows" ? new NullValue() : ToWire(result);
            var after = args?.Select(ToWire).ToList();
            return new WorkerResponse(request.Id, true, value, after);
        }
        catch (Exception ex)
        {
            var inner = ex is TargetInvocationException { InnerException: { } e } ? e : ex;
            return new WorkerResponse(request.Id, false, Error: new WireError(inner.GetType().FullName ?? inner.GetType().Name, inner.Message, inner.StackTrace));
        }
    }

    /// <summary>Runs a request and binds its result; returns the raw result and, with ReturnArgs, the arguments after the call.</summary>
    private (object? Result, IReadOnlyList<object?>? Args) Perform(WorkerRequest r)
    {
        var (result, args) = Dispatch(r);
        if (r.Bind is { } name)
        {
            _bindings[name] = result;
        }

        return (result, r.ReturnArgs ? args : null);
    }

    /// <summary>The body of a <see cref="FuncValue"/>: every request in order; the last one's result.</summary>
    private object? RunBody(IReadOnlyList<WorkerRequest> body)
    {
        object? last = null;
        foreach (var request in body)
        {
            last = Perform(request).Result;
        }

        return last;
    }

    private (object? Result, IReadOnlyList<object?>? Args) Dispatch(WorkerRequest r)
    {
        switch (r.Op)
        {
            case "ping":
                return ("pong", null);
            case "load":
                _types = new LibraryTypes((_loader ?? throw new InvalidOperationException("this engine has a fixed library"))(r.Path ?? throw new ArgumentException("load: no path")));
                return (_types.Library.FullName ?? "?", null);
            case "reset":
                _bindings.Clear();
                _rows.Clear();
                return (null, null);
            case "new":
                return Invoke(r, isNew: true);
            case "call":
                return Invoke(r, isNew: false);
            case "get":
                return (GetMember(Target(r), r.Member ?? throw new ArgumentException("get: no member")), null);
            case "set":
                SetMember(Target(r), r.Member ?? throw new ArgumentException("set: no member"), r.Args is [var v] ? v : throw new ArgumentException("set: exactly one value expected"));
                return (null, null);
            case "describe":
                return (Describe(Target(r)), null);
            case "main":
                return RunProgram(r);
            case "put":
                return (WorkFiles.Put(r.Path ?? throw new ArgumentException("put: no path"), r.Args is [StringValue text] ? text.Value : throw new ArgumentException("put: exactly one string expected")), null);
            case "read":
                return (WorkFiles.Read(r.Path ?? throw new ArgumentException("read: no path")), null);
            case "run":
                return (RunBody(r.Args is [FuncValue f] ? f.Body : throw new ArgumentException("run: exactly one function expected")), null);
            case "let":
                return (Binder().Natural(r.Args is [var value] ? value : throw new ArgumentException("let: exactly one value expected")), null);
            case "let-rows":
                return (LetRows(r), null);
            case "let-kept":
                return (LetKept(r), null);
            default:
                throw new NotSupportedException($"unknown op '{r.Op}'");
        }
    }

    private LibraryTypes Types => _types ?? throw new InvalidOperationException("no library loaded yet");

    private ArgumentBinder Binder() => new(Types, _bindings, RunBody);

    private (object?, IReadOnlyList<object?>) Invoke(WorkerRequest r, bool isNew)
    {
        var args = r.Args ?? [];
        var binder = Binder();
        object?[] bound;
        object? result;
        if (isNew)
        {
            var type = Types.Find(r.Type ?? throw new ArgumentException("new: no type"));
            var (ctor, a) = binder.Bind(type.GetConstructors(), args, $"new {type.Name}");
            bound = a;
            result = ctor.Invoke(bound);
        }
        else
        {
            var name = r.Member ?? throw new ArgumentException("call: no method");
            var (type, target) = r.Target is null ? (Types.Find(r.Type ?? throw new ArgumentException("call: no target or type")), null) : (Target(r).GetType(), Target(r));
            var flags = target is null ? BindingFlags.Public | BindingFlags.Static : BindingFlags.Public | BindingFlags.Instance;
            var (method, a) = binder.Bind(type.GetMethods(flags).Where(m => m.Name == name && !m.IsGenericMethodDefinition), args, $"{type.Name}.{name}");
            bound = a;
            result = method.Invoke(target, bound);
        }

        return (result, bound);
    }

    /// <summary>
    /// <c>main</c>: loads the program at Path beside the library and calls its static Type.Member (any
    /// visibility, e.g. a console program's private Main) with Args; the result is its exit code.
    /// </summary>
    private (object?, IReadOnlyList<object?>?) RunProgram(WorkerRequest r)
    {
        var context = new ProgramLoadContext(Types.Library);
        try
        {
            var program = context.LoadProgram(r.Path ?? throw new ArgumentException("main: no program path"));
            var typeName = r.Type ?? throw new ArgumentException("main: no type");
            var type = program.GetType(typeName) ?? throw new TypeLoadException($"the program has no type '{typeName}'");
            var name = r.Member ?? "Main";
            var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name == name);
            var (method, bound) = Binder().Bind(candidates, r.Args ?? [], $"{type.Name}.{name}");
            return (method.Invoke(null, bound), null);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary><c>describe</c>: the public instance properties of an object, as (name, value) pairs in declaration order.</summary>
    private static List<object?> Describe(object target) =>
        [.. target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .OrderBy(p => p.MetadataToken)
            .Select(p => (object?)new object?[] { p.Name, p.GetValue(target) })];

    private object Target(WorkerRequest r) =>
        r.Target is { } name && _bindings.TryGetValue(name, out var value) && value is not null
            ? value
            : throw new ArgumentException($"no object bound to '{r.Target}'");

    private static object? GetMember(object target, string member)
    {
        if (int.TryParse(member, out var index) && target is IList list)
        {
            return list[index];
        }

        var type = target.GetType();
        if (type.GetProperty(member, Public) is { } p)
        {
            return p.GetValue(target);
        }

        if (type.GetField(member, Public) is { } f)
        {
            return f.GetValue(target);
        }

        throw new MissingMemberException($"{type.Name} has no public property or field '{member}'");
    }

    private void SetMember(object target, string member, WireValue value)
    {
        var binder = Binder();
        var type = target.GetType();
        if (type.GetProperty(member, Public) is { } p)
        {
            var converted = binder.Convert(value, p.PropertyType);
            if (p.CanWrite && p.SetMethod!.IsPublic)
            {
                p.SetValue(target, converted);
                return;
            }

            // A get-only tensor property (e.g. Parameter.Value) is set by copying into the existing tensor.
            var current = p.GetValue(target);
            var copyFrom = current?.GetType().GetMethod("CopyFrom", [p.PropertyType]);
            if (copyFrom is null)
            {
                throw new MissingMemberException($"{type.Name}.{member} is read-only");
            }

            copyFrom.Invoke(current, [converted]);
            return;
        }

        if (type.GetField(member, Public) is { } f)
        {
            f.SetValue(target, binder.Convert(value, f.FieldType));
            return;
        }

        throw new MissingMemberException($"{type.Name} has no public property or field '{member}'");
    }

    private WireValue ToWire(object? value)
    {
        switch (value)
        {
            case null:
                return new NullValue();
            case int or long or short or byte:
                return new IntValue(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case double d:
                return new DoubleValue(d);
            case float f:
                return new DoubleValue(f);
            case bool b:
                return new BoolValue(b);
            case string s:
                return new StringValue(s);
            case Enum e:
                return new StringValue(e.ToString());
            case int[] ints:
                return new IntsValue(ints);
            case double[] doubles:
                return new DoublesValue(doubles);
        }

        if (Types.Tensor is { } tensorType && tensorType.IsInstanceOfType(value))
        {
            var (shape, values) = Types.ReadTensor(value);
            return TensorValue.From(shape, values);
        }

        if (value is ITuple tuple)
        {
            return new ListValue(Enumerable.Range(0, tuple.Length).Select(i => ToWire(tuple[i])).ToList());
        }

        if (value is IEnumerable items)
        {
            return new ListValue(items.Cast<object?>().Select(ToWire).ToList());
        }

        var handle = $"${++_nextHandle}";
        _bindings[handle] = value;
        return new ObjectValue(handle, value.GetType().FullName ?? value.GetType().Name);
    }

    /// <summary>
    /// <c>let-rows</c>: a large matrix sent in row chunks (args: the chunk, a tensor or pixels with their table, [first row, total rows], optionally a key;
    /// in order), bound to <c>bind</c> as one tensor when the last chunk arrives (null until then). One message of a whole training set
    /// (about 50 MB of base64, 100 MB as a string) needed several times that to read and decode: with a 1 GiB heap
    /// limit, A1's second accuracy check ran out of memory reading it (seen). Chunks of 1,000 rows need a few MB.
    /// With a key, the rows are also kept for <see cref="LetKept"/>.
    /// </summary>
    private object? LetRows(WorkerRequest r)
    {
        const string Expected = "let-rows: expected a 2-D tensor or pixels chunk, [first row, total rows] (and a key) and a name to bind";
        var (chunk, first, total, key, name) = r switch
        {
            { Args: [var c, IntsValue { Values: [var f, var t] }], Bind: { } n } => (c, f, t, (string?)null, n),
            { Args: [var c, IntsValue { Values: [var f, var t] }, StringValue k], Bind: { } n } => (c, f, t, k.Value, n),
            _ => throw new ArgumentException(Expected),
        };
        var (rows, columns) = chunk switch
        {
            TensorValue { Shape: [var tensorRows, var tensorColumns] } => (tensorRows, tensorColumns),
            PixelsValue { Shape: [var pixelRows, var pixelColumns] } => (pixelRows, pixelColumns),
            _ => throw new ArgumentException(Expected),
        };

        if (first == 0)
        {
            _rows[name] = (new double[checked(total * columns)], total, columns, 0);
        }

        if (!_rows.TryGetValue(name, out var pending) || pending.Columns != columns || first != pending.Filled || first + rows > pending.Rows)
        {
            throw new ArgumentException($"let-rows {name}: rows {first}..{first + rows} of {total} with {columns} columns do not continue the rows sent so far");
        }

        if (chunk is PixelsValue pixels)
        {
            pixels.Decode(pending.Values.AsSpan(first * columns, rows * columns));
        }
        else
        {
            var tensor = (TensorValue)chunk;
            if (tensor.Data.Length != rows * columns * sizeof(double))
            {
                throw new ArgumentException($"let-rows {name}: a [{rows}, {columns}] chunk needs {rows * columns * sizeof(double)} bytes, found {tensor.Data.Length}");
            }

            Buffer.BlockCopy(tensor.Data, 0, pending.Values, first * columns * sizeof(double), rows * columns * sizeof(double));
        }

        if (first + rows < pending.Rows)
        {
            _rows[name] = pending with { Filled = first + rows };
            return null;
        }

        _rows.Remove(name);
        if (key is not null)
        {
            _kept[name] = (key, pending.Values, pending.Rows, columns);
        }

        return Types.NewTensor([pending.Rows, columns], pending.Values);
    }

    /// <summary>
    /// <c>let-kept</c> (args: name, key): binds a copy of the matrix <c>let-rows</c> kept under that name and key, and
    /// answers true; false when this process holds no such matrix (a new worker), and the host sends the rows. A1's two
    /// accuracy checks train on the same 7,400 images: the second sends none. The copy keeps a check's changes to its
    /// data (a student scaling train_x in place) out of the next check.
    /// </summary>
    private bool LetKept(WorkerRequest r)
    {
        if (r.Args is not [StringValue { Value: var name }, StringValue { Value: var key }])
        {
            throw new ArgumentException("let-kept: expected a name and a key");
        }

        if (!_kept.TryGetValue(name, out var kept) || kept.Key != key)
        {
            return false;
        }

        _bindings[name] = Types.NewTensor([kept.Rows, kept.Columns], kept.Values);
        return true;
    }
}

namespace Autograder.Worker.Protocol;

/// <summary>
/// One call the host asks for. <see cref="Op"/> is one of <c>load</c> (Path), <c>new</c> (Type, Args),
/// <c>call</c> (Target or Type for static, Member, Args), <c>get</c> (Target, Member),
/// <c>describe</c> (Target's public properties as [name, value] pairs, for comparing records),
/// <c>main</c> (run a provided program: Path of its assembly, Type, Member (default Main), Args),
/// <c>set</c> (Target, Member, Args[0]), <c>let</c> (bind Args[0] as a library value under Bind, e.g. a
/// tensor both a closure and the method under test must see; answers null, as <c>let-rows</c> does),
/// <c>let-rows</c> (a large matrix in row chunks; with a key, kept across <c>reset</c>), <c>let-kept</c> (bind a copy
/// of a kept matrix; answers whether this process held it), <c>run</c> (run the body of the
/// <see cref="FuncValue"/> in Args[0]: several calls in one round trip, e.g. one training step), <c>reset</c> (forget all bindings), <c>ping</c>,
/// <c>put</c> (write the string Args[0] to the file at Path, e.g. a provided program's input) and <c>read</c> (a file's text, or null):
/// under the sandbox the worker's folder is a private tmpfs the host cannot see.
/// The result of new/call/get is stored under <see cref="Bind"/> when given.
/// With <see cref="ReturnArgs"/>, the response also carries the arguments as they are after the
/// call, so the host can tell when a submission mutated its inputs.
/// </summary>
internal sealed record WorkerRequest(
    int Id,
    string Op,
    string? Target = null,
    string? Type = null,
    string? Member = null,
    IReadOnlyList<WireValue>? Args = null,
    string? Bind = null,
    bool ReturnArgs = false,
    string? Path = null);

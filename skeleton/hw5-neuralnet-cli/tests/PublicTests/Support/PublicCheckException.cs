// xunit prints the exception type in front of the message for every exception outside Xunit.Sdk,
// and a stack trace for every exception. A check failure is a message for you, not a crash of the
// test: this type lives in Xunit.Sdk and has no stack trace, so you see only the message.
namespace Xunit.Sdk;

/// <summary>A public check's failure: what was expected, what your code gave, and where.</summary>
public sealed class PublicCheckException : XunitException
{
    public PublicCheckException(string message)
        : base(message)
    {
    }

    public override string? StackTrace => null;
}

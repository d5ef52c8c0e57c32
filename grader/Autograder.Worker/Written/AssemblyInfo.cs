using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Autograder.Tests")]

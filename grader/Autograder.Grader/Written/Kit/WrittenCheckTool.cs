using System.Text.Json;
using Autograder.Grader.Release;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Bindings;
using Autograder.Grader.Written.Expressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Written.Kit;

/// <summary>
/// The written kit's local check (<c>dotnet run --project tools/Check</c>): a small program built from the grader's
/// own answer reader, expression validator and interpreter (copied, so it reads answers exactly as the grader does)
/// and <c>questions.json</c>, which holds each question's id, kind, variables, the shapes of its matrix variables,
/// the form of its result and its options (ids and texts, as the kit lists them): never a reference answer. It parses every answer and evaluates each
/// expression at a sample point, so a typo is found before the deadline instead of in the grade.
/// </summary>
internal static class WrittenCheckTool
{
    private const string Tool = "tools/Check";

    private static readonly string[] Packages = ["Microsoft.CodeAnalysis.CSharp", "YamlDotNet"];

    /// <summary>The tool's files by path relative to the kit folder.</summary>
    public static IEnumerable<(string Path, string Text)> Files(QuestionBank bank, string courseRoot)
    {
        yield return ("global.json", File.ReadAllText(Path.Combine(courseRoot, "global.json")));
        yield return ("Directory.Build.props", BuildProps);
        yield return ("Directory.Packages.props", KitProjects.Packages(File.ReadAllText(Path.Combine(courseRoot, "Directory.Packages.props")), Packages.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        yield return ($"{Tool}/Check.csproj", Project);
        yield return ($"{Tool}/Program.cs", File.ReadAllText(Path.Combine(courseRoot, "grader", "KitTemplate", "written", "Program.cs")));
        yield return ($"{Tool}/questions.json", Questions(bank));
        var written = Path.Combine(courseRoot, "grader", "Autograder.Grader", "Written");
        foreach (var folder in new[] { "Expressions", "Answers" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(written, folder), "*.cs").Order(StringComparer.Ordinal))
            {
                yield return ($"{Tool}/Engine/{folder}/{Path.GetFileName(file)}", File.ReadAllText(file));
            }
        }

        foreach (var file in new[] { "Rng.cs", "PortableMath.cs" })
        {
            yield return ($"{Tool}/Engine/NeuralNet/{file}", File.ReadAllText(Path.Combine(new Release.RepositoryLayout(courseRoot).Core, file)));
        }
    }

    /// <summary>What the check knows of each auto-graded question (no reference answer, no note).</summary>
    public static string Questions(QuestionBank bank)
    {
        var list = new List<object>();
        foreach (var problem in bank.Problems)
        {
            var questions = problem.Questions.Where(q => q.Kind != QuestionKind.Manual).ToList();
            if (questions.Count == 0)
            {
                continue;
            }

            var sample = questions.Any(q => q.Kind == QuestionKind.Expression) ? BindingGenerator.Generate(problem, 20261205)[0] : new Dictionary<string, ExprValue>();
            foreach (var q in questions)
            {
                var shapes = q.Variables.Where(v => sample.GetValueOrDefault(v) is MatrixValue)
                    .ToDictionary(v => v, v => ((MatrixValue)sample[v]).Value is var m ? new[] { m.Rows, m.Cols } : []);
                string? result = q.Kind switch
                {
                    QuestionKind.Number => "number",
                    QuestionKind.Expression => Interpreter.Evaluate(SyntaxFactory.ParseExpression(q.Reference), sample, FunctionContext.None).Describe(),
                    _ => null,
                };
                list.Add(new
                {
                    id = q.Id,
                    kind = q.Kind.ToString().ToLowerInvariant(),
                    variables = q.Variables,
                    shapes,
                    result,
                    options = q.Options.Select(o => new { id = o.Id, text = o.Text }).ToList(),
                    single = q.Single,
                });
            }
        }

        return JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private const string BuildProps = """
        <Project>
          <!-- Build settings of the written kit's check tool (tools/Check). -->
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NoWarn>$(NoWarn);CS1591;CS1573</NoWarn>
            <InvariantGlobalization>true</InvariantGlobalization>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
          </PropertyGroup>
        </Project>

        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- Checks answers.yaml as the grader reads it: dotnet run (in the kit folder: with the project tools/Check). -->
          <PropertyGroup>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.CodeAnalysis.CSharp" />
            <PackageReference Include="YamlDotNet" />
          </ItemGroup>
          <ItemGroup>
            <None Include="questions.json" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
        </Project>

        """;
}

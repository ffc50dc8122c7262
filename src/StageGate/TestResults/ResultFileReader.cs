using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using StageGate.Files;

namespace StageGate.TestResults;

/// <summary>
/// Reads the result files test runners write: TRX (<c>dotnet test --logger trx</c>) and JUnit XML (pytest, Go's and
/// Node's JUnit reporters, <c>dotnet test --logger junit</c>). The files come out of a container, so they are read as
/// untrusted: bounded in size, no DTD, no external entities.
/// </summary>
internal static class ResultFileReader
{
    /// <summary>A result file of a few thousand tests with stack traces is a few MiB; 32 MiB bounds a runaway log.</summary>
    public static InputLimit Limit { get; } = new("Test result file", 32 * 1024 * 1024);

    /// <summary>Whether the file is one StageGate reads: <c>*.trx</c> or <c>*.xml</c>.</summary>
    public static bool IsCandidate(string path) =>
        path.EndsWith(".trx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The file's tests; a file that is XML but neither TRX nor JUnit gives null (another tool's file, left alone).
    /// Never throws for the file's content: a problem is returned as <see cref="ResultFile.Problem"/>.
    /// </summary>
    public static ResultFile? Read(string path)
    {
        byte[]? bytes;
        try
        {
            bytes = BoundedFile.ReadAtMost(path, Limit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResultFile(path, [], $"cannot be read: {e.Message}");
        }
        if (bytes is null)
        {
            return new ResultFile(path, [], $"is larger than {Limit.Display}, the most StageGate reads of a result file");
        }
        return Parse(path, bytes);
    }

    internal static ResultFile? Parse(string path, byte[] bytes)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                MaxCharactersInDocument = Limit.Bytes,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new ResultFile(path, [], $"is not well-formed XML: {e.Message}");
        }

        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "TestRun" => new ResultFile(path, Trx(root), null),
            "testsuites" or "testsuite" => new ResultFile(path, JUnit(root), null),
            _ => path.EndsWith(".trx", StringComparison.OrdinalIgnoreCase)
                ? new ResultFile(path, [], $"is not a TRX file: its root is <{root.Name.LocalName}>, not <TestRun>")
                : null,
        };
    }

    /// <summary>TRX: <c>Results/UnitTestResult</c> with <c>testName</c> and <c>outcome</c>; the class from <c>TestDefinitions</c>.</summary>
    private static List<TestCaseResult> Trx(XElement run)
    {
        var classes = Children(run, "TestDefinitions").SelectMany(d => Children(d, "UnitTest"))
            .Where(u => Attribute(u, "id") is not null)
            .GroupBy(u => Attribute(u, "id")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Children(g.First(), "TestMethod").Select(m => Attribute(m, "className")).FirstOrDefault(), StringComparer.OrdinalIgnoreCase);

        var tests = new List<TestCaseResult>();
        foreach (var result in Children(run, "Results").SelectMany(r => r.Descendants()).Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var name = Attribute(result, "testName") ?? "";
            var className = Attribute(result, "testId") is { } id && classes.TryGetValue(id, out var c) ? c ?? "" : "";
            var error = Children(result, "Output").SelectMany(o => Children(o, "ErrorInfo")).FirstOrDefault();
            var outcome = Attribute(result, "outcome") switch
            {
                "Passed" or "PassedButRunAborted" => TestCaseOutcome.Passed,
                "NotExecuted" or "Inconclusive" or "Pending" or "Disconnected" or "Warning" or "Completed" or "InProgress" or "NotRunnable" => TestCaseOutcome.Skipped,
                _ => TestCaseOutcome.Failed,
            };
            tests.Add(new TestCaseResult(className, name, outcome)
            {
                Message = error is null ? null : Text(Children(error, "Message").FirstOrDefault()),
                StackTrace = error is null ? null : Text(Children(error, "StackTrace").FirstOrDefault()),
                Duration = TimeSpan.TryParse(Attribute(result, "duration"), CultureInfo.InvariantCulture, out var duration) ? duration : null,
            });
        }
        return tests;
    }

    /// <summary>JUnit: every <c>testcase</c>, nested suites included; <c>failure</c> or <c>error</c> fails it, <c>skipped</c> skips it.</summary>
    private static List<TestCaseResult> JUnit(XElement root)
    {
        var tests = new List<TestCaseResult>();
        foreach (var testCase in root.DescendantsAndSelf().Where(e => e.Name.LocalName == "testcase"))
        {
            var failure = Children(testCase, "failure").Concat(Children(testCase, "error")).FirstOrDefault();
            var outcome = failure is not null ? TestCaseOutcome.Failed
                : Children(testCase, "skipped").Any() ? TestCaseOutcome.Skipped
                : TestCaseOutcome.Passed;
            var text = Text(failure);
            var message = Attribute(failure, "message") ?? text?.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            tests.Add(new TestCaseResult(Attribute(testCase, "classname") ?? "", Attribute(testCase, "name") ?? "", outcome)
            {
                Message = message,
                StackTrace = text,
                Duration = double.TryParse(Attribute(testCase, "time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && seconds is >= 0 and < 1e9 ? TimeSpan.FromSeconds(seconds) : null,
                Reported = Attribute(testCase, "file") is { Length: > 0 } file
                    && int.TryParse(Attribute(testCase, "line"), NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0
                    ? (file, line) : null,
            });
        }
        return tests;
    }

    private static IEnumerable<XElement> Children(XElement? element, string localName) =>
        element?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    private static string? Attribute(XElement? element, string name) => element?.Attribute(name)?.Value;

    private static string? Text(XElement? element) => element is null || element.Value.Trim().Length == 0 ? null : element.Value.Trim();
}

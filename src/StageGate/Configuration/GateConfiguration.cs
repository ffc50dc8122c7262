using System.Text;
using System.Text.Json;
using StageGate.Budgets;
using StageGate.Diagnostics;
using StageGate.Files;
using StageGate.Gates;

namespace StageGate.Configuration;

/// <summary>
/// Reads <c>stagegate.json</c> beside the Dockerfile and lets it fill what the front end left unset, so
/// a local <c>dotnet build</c> and CI enforce the same gates. Front-end settings always win.
/// </summary>
internal static class GateConfiguration
{
    public const string FileName = "stagegate.json";

    /// <summary>Every property the file may hold; the shipped JSON schema lists exactly these.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } =
    [
        "$schema", "testTargets", "finalTarget", "sizeBudget", "growthBudget", "baseline", "tags",
        "buildArgs", "labels", "platforms", "builder", "sequential", "context",
    ];

    /// <summary>
    /// Fills the members <paramref name="options"/> leaves unset (null, blank, empty) from
    /// <c>stagegate.json</c> beside its Dockerfile, when there is one and the options allow it.
    /// </summary>
    public static ConfiguredOptions Apply(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseConfigurationFile || string.IsNullOrWhiteSpace(options.Dockerfile))
        {
            return new ConfiguredOptions(options, null);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Dockerfile));
        var path = System.IO.Path.Combine(folder ?? ".", FileName);
        if (!File.Exists(path))
        {
            return new ConfiguredOptions(options, null);
        }

        return new ConfiguredOptions(Merge(options, Load(path)), path);
    }

    /// <summary>Front-end options win; the file only fills what they leave unset.</summary>
    public static GateOptions Merge(GateOptions options, ConfigurationFile file)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(file);
        return options with
        {
            Context = Unset(options.Context) ? file.Context ?? options.Context : options.Context,
            TestTargets = options.TestTargets.Count == 0 ? file.TestTargets ?? options.TestTargets : options.TestTargets,
            FinalTarget = Unset(options.FinalTarget) ? file.FinalTarget ?? options.FinalTarget : options.FinalTarget,
            Tags = options.Tags.Count == 0 ? file.Tags ?? options.Tags : options.Tags,
            SizeBudget = Unset(options.SizeBudget) ? file.SizeBudget ?? options.SizeBudget : options.SizeBudget,
            GrowthBudget = Unset(options.GrowthBudget) ? file.GrowthBudget ?? options.GrowthBudget : options.GrowthBudget,
            Baseline = Unset(options.Baseline) ? file.Baseline ?? options.Baseline : options.Baseline,
            BuildArgs = options.BuildArgs.Count == 0 ? file.BuildArgs ?? options.BuildArgs : options.BuildArgs,
            Labels = options.Labels.Count == 0 ? file.Labels ?? options.Labels : options.Labels,
            Builder = Unset(options.Builder) ? file.Builder ?? options.Builder : options.Builder,
            Platforms = options.Platforms.Count == 0 ? file.Platforms ?? options.Platforms : options.Platforms,

            // A bool cannot say "unset": a front end that leaves it false lets the file turn it on.
            Sequential = options.Sequential || file.Sequential == true,
        };
    }

    /// <summary>Reads and checks one <c>stagegate.json</c>; any mistake is an SG1015 naming the file, line and property.</summary>
    public static ConfigurationFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = BoundedFile.ReadAtMost(path, InputLimit.Configuration)
                ?? throw InputLimit.Configuration.TooLarge(Codes.InvalidConfiguration, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(Codes.InvalidConfiguration.Create($"{path} cannot be read: {e.Message}", path), e);
        }

        return new Parser(path, bytes).Parse();
    }

    // MSBuild passes an unset property as an empty string, so blank counts as unset too.
    private static bool Unset(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A hand-written reader, so every error can name the property and point at its line.</summary>
    private sealed class Parser(string path, byte[] bytes)
    {
        private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

        private readonly int start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;

        private string Folder => System.IO.Path.GetDirectoryName(path)!;

        public ConfigurationFile Parse()
        {
            if (bytes.AsSpan(start).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                throw Error($"{path} is empty; it must hold a JSON object, e.g. {{ \"sizeBudget\": \"150MB\" }}.", 1, 1);
            }

            var reader = new Utf8JsonReader(
                bytes.AsSpan(start),
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            try
            {
                return ParseObject(ref reader);
            }
            catch (JsonException e)
            {
                // JsonException counts lines and bytes from 0; editors count from 1.
                var line = (int)(e.LineNumber ?? 0) + 1;
                var column = (int)(e.BytePositionInLine ?? 0) + 1;
                throw Error($"{path} is not valid JSON: {WithoutPosition(e.Message)}", line, column, e);
            }
        }

        private ConfigurationFile ParseObject(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw ErrorAt(ref reader, $"{path} must hold a JSON object, not {Describe(reader.TokenType)}.");
            }

            var file = new ConfigurationFile(path);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    throw ErrorAt(ref reader, $"'{name}' appears twice in {path}; keep one.");
                }
                if (!PropertyNames.Contains(name, StringComparer.Ordinal))
                {
                    throw ErrorAt(ref reader, UnknownProperty(name));
                }

                reader.Read();
                file = name switch
                {
                    "$schema" => SkipSchema(ref reader, name, file),
                    "testTargets" => file with { TestTargets = ReadStrings(ref reader, name, "the test stages to build") },
                    "finalTarget" => file with { FinalTarget = ReadString(ref reader, name, "a stage name such as \"runtime\"") },
                    "sizeBudget" => file with { SizeBudget = ReadBudget(ref reader, name, "a size such as \"150MB\"", text => ByteSize.Parse(text)) },
                    "growthBudget" => file with { GrowthBudget = ReadBudget(ref reader, name, "a growth such as \"5%\" or \"10MB\"", text => GrowthBudget.Parse(text)) },
                    "baseline" => file with { Baseline = ReadPath(ref reader, name, "the path of an earlier run's report") },
                    "tags" => file with { Tags = ReadStrings(ref reader, name, "image tags such as \"app:dev\"") },
                    "buildArgs" => file with { BuildArgs = ReadMap(ref reader, name) },
                    "labels" => file with { Labels = ReadMap(ref reader, name) },
                    "platforms" => file with { Platforms = ReadStrings(ref reader, name, "platforms such as \"linux/amd64\"") },
                    "builder" => file with { Builder = ReadString(ref reader, name, "a buildx builder name") },
                    "sequential" => file with { Sequential = ReadBool(ref reader, name) },
                    "context" => file with { Context = ReadPath(ref reader, name, "a folder, relative to stagegate.json") },
                    _ => throw new InvalidOperationException($"Property '{name}' is listed but not read."),
                };
            }

            // Anything after the object (a second value) is reported by the reader itself.
            reader.Read();
            return file;
        }

        // "$schema" is for editors; it is checked like any string but changes no gate.
        private ConfigurationFile SkipSchema(ref Utf8JsonReader reader, string name, ConfigurationFile file)
        {
            ReadString(ref reader, name, "the URL or path of stagegate.schema.json");
            return file;
        }

        private string ReadString(ref Utf8JsonReader reader, string name, string what)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw ErrorAt(ref reader, $"'{name}' must be a string ({what}), not {Describe(reader.TokenType)}.");
            }
            var value = reader.GetString()!;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw ErrorAt(ref reader, $"'{name}' must not be empty; give {what} or remove the property.");
            }
            return value;
        }

        /// <summary>A budget is checked here, where its line is known, with the budget's own code (SG1012, SG1013).</summary>
        private string ReadBudget(ref Utf8JsonReader reader, string name, string what, Action<string> parse)
        {
            var value = ReadString(ref reader, name, what);
            try
            {
                parse(value);
                return value;
            }
            catch (StageGateException e)
            {
                var (line, column) = Position(ref reader);
                var located = e.Diagnostic with { Message = $"'{name}' in {path}: {e.Diagnostic.Message}", File = path, Line = line, Column = column };
                throw new StageGateException(located, e);
            }
        }

        private string ReadPath(ref Utf8JsonReader reader, string name, string what) =>
            System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, ReadString(ref reader, name, what)));

        private bool ReadBool(ref Utf8JsonReader reader, string name) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw ErrorAt(ref reader, $"'{name}' must be true or false, not {Describe(reader.TokenType)}."),
        };

        private List<string> ReadStrings(ref Utf8JsonReader reader, string name, string what)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw ErrorAt(ref reader, $"'{name}' must be an array of strings ({what}), not {Describe(reader.TokenType)}.");
            }
            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String || string.IsNullOrWhiteSpace(reader.GetString()))
                {
                    var found = reader.TokenType == JsonTokenType.String ? "an empty string" : Describe(reader.TokenType);
                    throw ErrorAt(ref reader, $"'{name}' must be an array of strings ({what}); item {values.Count + 1} is {found}.");
                }
                values.Add(reader.GetString()!);
            }
            return values;
        }

        private Dictionary<string, string> ReadMap(ref Utf8JsonReader reader, string name)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw ErrorAt(ref reader, $"'{name}' must be an object of string values, e.g. {{ \"KEY\": \"value\" }}, not {Describe(reader.TokenType)}.");
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                if (key.Length == 0 || values.ContainsKey(key))
                {
                    throw ErrorAt(ref reader, key.Length == 0 ? $"'{name}' has an empty key." : $"'{name}.{key}' appears twice; keep one.");
                }
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw ErrorAt(ref reader, $"'{name}.{key}' must be a string, not {Describe(reader.TokenType)}; quote it, e.g. \"{key}\": \"1\".");
                }
                values[key] = reader.GetString()!;
            }
            return values;
        }

        private string UnknownProperty(string name)
        {
            var known = PropertyNames.Where(p => p != "$schema").ToList();
            var nearest = known
                .Select(p => (Name: p, Distance: EditDistance(name.ToLowerInvariant(), p.ToLowerInvariant())))
                .OrderBy(p => p.Distance)
                .First();
            var hint = nearest.Distance <= Math.Max(2, name.Length / 3) ? $" Did you mean '{nearest.Name}'?" : "";
            return $"Unknown property '{name}' in {path}.{hint} Known properties: {string.Join(", ", known)}.";
        }

        private StageGateException ErrorAt(ref Utf8JsonReader reader, string message)
        {
            var (line, column) = Position(ref reader);
            return Error(message, line, column);
        }

        /// <summary>The current token's 1-based line and column; Utf8JsonReader keeps its own line count private.</summary>
        private (int Line, int Column) Position(ref Utf8JsonReader reader)
        {
            var span = bytes.AsSpan(start, (int)reader.TokenStartIndex);
            var lineStart = span.LastIndexOf((byte)'\n') + 1;
            return (span.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(span[lineStart..]) + 1);
        }

        private StageGateException Error(string message, int line, int column, Exception? inner = null)
        {
            var diagnostic = Codes.InvalidConfiguration.Create(message, path, line, column);
            return inner is null ? new StageGateException(diagnostic) : new StageGateException(diagnostic, inner);
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => token.ToString(),
        };

        private static string WithoutPosition(string message)
        {
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return at < 0 ? message : message[..at];
        }

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}

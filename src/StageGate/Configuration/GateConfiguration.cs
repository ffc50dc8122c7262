using System.Text;
using System.Text.Json;
using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Files;
using StageGate.Hosting;

namespace StageGate.Configuration;

/// <summary>
/// Reads <c>stagegate.json</c> beside the Dockerfile: the options every front end shares, so a local
/// <c>dotnet build</c> and CI enforce the same gates. Its keys are the option table's; front-end values win.
/// </summary>
internal static class GateConfiguration
{
    public const string FileName = "stagegate.json";

    /// <summary>Every property the file may hold; the shipped JSON schema lists exactly these.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } =
        ["$schema", .. OptionTable.All.Where(o => o.Json is not null).Select(o => o.Json!)];

    /// <summary>The <c>stagegate.json</c> beside <paramref name="dockerfilePath"/>, or null when there is none.</summary>
    public static ConfigurationFile? Beside(string dockerfilePath)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(dockerfilePath)) ?? ".", FileName);
        return File.Exists(path) ? Load(path) : null;
    }

    /// <summary>Reads and checks one <c>stagegate.json</c>; any mistake is an SG1015 naming the file, line and property.</summary>
    public static ConfigurationFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = System.IO.Path.GetFullPath(path);
        var bytes = InputLimit.Configuration.Read(path, Codes.InvalidConfiguration);

        return new Parser(path, bytes).Parse();
    }

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

            var values = new Dictionary<GateOption, object>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var reading = new OptionReading(Folder, o => $"'{o.Json}' in {path}") { File = path };
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    throw ErrorAt(ref reader, $"'{name}' appears twice in {path}; keep one.");
                }
                var option = name == "$schema" ? null : OptionTable.ForJson(name) ?? throw ErrorAt(ref reader, UnknownProperty(name));
                reader.Read();
                if (option is null)
                {
                    // For editors; checked like any string but changes no gate.
                    ReadString(ref reader, name, "the URL or path of stagegate.schema.json");
                    continue;
                }
                var inputs = ReadInputs(ref reader, option);
                try
                {
                    if (OptionReader.Read(option, inputs, reading) is { } value)
                    {
                        values[option] = value;
                    }
                }
                catch (StageGateException e)
                {
                    // The value's own code (SG1012 for a size), at the value's line.
                    var (line, column) = Position(ref reader);
                    throw new StageGateException(e.Diagnostic with { File = path, Line = line, Column = column }, e);
                }
            }

            // Anything after the object (a second value) is reported by the reader itself.
            reader.Read();
            return new ConfigurationFile(path, values);
        }

        /// <summary>The property's JSON value as the raw inputs a front end would give, checked against the option's shape.</summary>
        private List<OptionInput> ReadInputs(ref Utf8JsonReader reader, GateOption option)
        {
            var name = option.Json!;
            // The option's help, as the clause that says what the value should be: "(the stage that ships)".
            var what = char.ToLowerInvariant(option.Help[0]) + option.Help[1..].TrimEnd('.');
            return option.Shape switch
            {
                OptionShape.List or OptionShape.CommaList => ReadStrings(ref reader, name, what).Select(v => new OptionInput(v)).ToList(),
                OptionShape.Pairs => ReadMap(ref reader, name)
                    .Select(p => new OptionInput(p.Key, new Dictionary<string, string> { ["Value"] = p.Value })).ToList(),
                OptionShape.Flag => [new OptionInput(ReadBool(ref reader, name) ? "true" : "false")],
                _ => [new OptionInput(ReadString(ref reader, name, what))],
            };
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

        private static string UnknownProperty(string name)
        {
            var known = PropertyNames.Where(p => p != "$schema").ToList();
            return $"Unknown property '{name}'.{Suggestions.DidYouMean(name, known, " Did you mean '{0}'?")} Known properties: {string.Join(", ", known)}.";
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
    }
}

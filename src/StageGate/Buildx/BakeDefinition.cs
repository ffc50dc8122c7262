using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StageGate.Diagnostics;

namespace StageGate.Buildx;

/// <summary>
/// A bake file that builds several targets in one BuildKit solve, so shared stages build once and the test and
/// final stages run in parallel. Written as JSON; the runner saves it and passes it with <c>--file</c>.
/// </summary>
internal sealed record BakeDefinition(IReadOnlyList<BakeTarget> Targets)
{
    /// <summary>The targets of the <c>default</c> group; all targets, in order, when unset.</summary>
    public IReadOnlyList<string>? DefaultGroup { get; init; }

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // The file is read by buildx, not a browser: keep quotes, '+' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="StageGateException">SG1016 when a target name is not one bake accepts, or names repeat.</exception>
    public string ToJson()
    {
        Validate();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("group");
            json.WriteStartObject("default");
            json.WriteStartArray("targets");
            foreach (var name in DefaultGroup ?? Targets.Select(t => t.Name).ToList())
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("target");
            foreach (var target in Targets)
            {
                json.WriteStartObject(target.Name);
                WriteTarget(json, target);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Validate()
    {
        if (Targets.Count == 0)
        {
            throw Codes.InvalidOption.Exception("A bake definition needs at least one target.");
        }
        foreach (var target in Targets)
        {
            if (!BakeOptions.IsValidTargetName(target.Name))
            {
                throw Codes.InvalidOption.Exception(
                    $"Invalid bake target name '{target.Name}': bake accepts only letters, digits, '-' and '_'.");
            }
        }
        var repeated = Targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw Codes.InvalidOption.Exception($"The bake target '{repeated.Key}' is defined twice.");
        }
        var unknown = (DefaultGroup ?? []).FirstOrDefault(n => Targets.All(t => t.Name != n));
        if (unknown is not null)
        {
            throw Codes.InvalidOption.Exception($"The default bake group names '{unknown}', which is not a target.");
        }
    }

    private static void WriteTarget(Utf8JsonWriter json, BakeTarget target)
    {
        WriteString(json, "context", target.Context);
        WriteString(json, "dockerfile", target.Dockerfile);
        WriteString(json, "target", target.Target);
        WriteList(json, "tags", target.Tags);
        WriteMap(json, "args", target.Args, "args");
        WriteMap(json, "labels", target.Labels, "labels");
        WriteList(json, "secret", target.Secrets.Select(BuildxArgumentList.SecretSpec).ToList());
        WriteList(json, "ssh", target.Ssh.Select(BuildxArgumentList.SshSpec).ToList());
        WriteList(json, "platforms", target.Platforms);
        WriteList(json, "cache-from", target.CacheFrom);
        WriteList(json, "cache-to", target.CacheTo);
        if (target.NoCache is { } noCache)
        {
            json.WriteBoolean("no-cache", noCache);
        }
        WriteList(json, "no-cache-filter", target.NoCacheFilter);
        WriteList(json, "output", target.Outputs);
        if (target.Pull is { } pull)
        {
            json.WriteBoolean("pull", pull);
        }
        WriteList(json, "attest", target.Attest);
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, Escape(value));
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(Escape(value));
        }
        json.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values, string what)
    {
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(key))
            {
                throw Codes.InvalidOption.Exception($"Invalid bake {what}: a name is empty.");
            }
            json.WriteString(key, Escape(value ?? ""));
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// bake reads JSON strings as HCL templates, so <c>${</c> and <c>%{</c> would be interpolated; doubling the
    /// sigil keeps a value literal (buildx's own <c>--print</c> does the same).
    /// </summary>
    internal static string Escape(string value) => value
        .Replace("${", "$${", StringComparison.Ordinal)
        .Replace("%{", "%%{", StringComparison.Ordinal);
}

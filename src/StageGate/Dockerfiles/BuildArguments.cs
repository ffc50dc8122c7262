using System.Runtime.InteropServices;
using StageGate.Diagnostics;

namespace StageGate.Dockerfiles;

/// <summary>
/// The arguments a FROM line can use: BuildKit's built-in platform arguments and the Dockerfile's
/// global ARGs (those before the first FROM), with the caller's build arguments taking precedence.
/// </summary>
internal static class BuildArguments
{
    /// <summary>
    /// The platform arguments BuildKit defines for every build, for this machine. The OS is linux even on
    /// Windows and macOS, where Docker Desktop builds in a Linux VM by default.
    /// </summary>
    public static Dictionary<string, string> Platform(Architecture architecture)
    {
        var (arch, variant) = architecture switch
        {
            Architecture.X64 => ("amd64", ""),
            Architecture.Arm64 => ("arm64", ""),
            Architecture.Arm => ("arm", "v7"),
            Architecture.X86 => ("386", ""),
            Architecture.S390x => ("s390x", ""),
            Architecture.Ppc64le => ("ppc64le", ""),
            Architecture.LoongArch64 => ("loong64", ""),
            _ => (architecture.ToString().ToLowerInvariant(), ""),
        };
        var platform = "linux/" + arch + (variant.Length > 0 ? "/" + variant : "");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BUILDPLATFORM"] = platform,
            ["BUILDOS"] = "linux",
            ["BUILDOSVERSION"] = "",
            ["BUILDARCH"] = arch,
            ["BUILDVARIANT"] = variant,
            ["TARGETPLATFORM"] = platform,
            ["TARGETOS"] = "linux",
            ["TARGETOSVERSION"] = "",
            ["TARGETARCH"] = arch,
            ["TARGETVARIANT"] = variant,
        };
    }

    /// <summary>
    /// The values FROM lines expand with. A build argument overrides a platform argument or a declared
    /// global ARG; one the Dockerfile does not declare is not visible to FROM, as in BuildKit.
    /// </summary>
    public static Dictionary<string, string> Global(
        IEnumerable<Instruction> globalArgs, char escape, IReadOnlyDictionary<string, string>? overrides, string path)
    {
        overrides ??= new Dictionary<string, string>();
        var values = Platform(RuntimeInformation.OSArchitecture);
        foreach (var key in values.Keys.ToList())
        {
            if (overrides.TryGetValue(key, out var value))
            {
                values[key] = value;
            }
        }

        var lex = new ShellLex(escape);
        foreach (var arg in globalArgs)
        {
            foreach (var word in arg.Arguments)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? word : word[..equals];
                string? value = null;
                if (overrides.TryGetValue(key, out var given))
                {
                    value = given;
                }
                else if (equals >= 0)
                {
                    var expanded = lex.Process(word[(equals + 1)..], values);
                    if (expanded.Failed)
                    {
                        throw Codes.DockerfileSyntax.Exception($"ARG {key}: {expanded.Error}", path, arg.StartLine);
                    }
                    value = expanded.Result;
                }
                if (value is not null)
                {
                    values[key] = value;
                }
            }
        }
        return values;
    }
}

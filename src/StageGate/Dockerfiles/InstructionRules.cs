namespace StageGate.Dockerfiles;

/// <summary>
/// The checks BuildKit's instruction parser (frontend/dockerfile/instructions/parse.go) makes on each
/// instruction: known keyword, known flags with values of the right kind, the right number of arguments.
/// </summary>
internal static class InstructionRules
{
    private enum FlagKind
    {
        Bool,
        String,
        Strings,
    }

    // The flags of the current Dockerfile frontend, labs ones included, so files written for a newer
    // syntax still parse; a typo such as --form is still caught.
    private static readonly Dictionary<string, Dictionary<string, FlagKind>> FlagsByKeyword = new(StringComparer.Ordinal)
    {
        ["FROM"] = new(StringComparer.Ordinal) { ["platform"] = FlagKind.String },
        ["COPY"] = new(StringComparer.Ordinal)
        {
            ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String, ["from"] = FlagKind.String,
            ["link"] = FlagKind.Bool, ["parents"] = FlagKind.Bool, ["exclude"] = FlagKind.Strings,
        },
        ["ADD"] = new(StringComparer.Ordinal)
        {
            ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String, ["link"] = FlagKind.Bool,
            ["keep-git-dir"] = FlagKind.Bool, ["checksum"] = FlagKind.String, ["exclude"] = FlagKind.Strings,
            ["unpack"] = FlagKind.Bool,
        },
        ["RUN"] = new(StringComparer.Ordinal)
        {
            ["mount"] = FlagKind.Strings, ["network"] = FlagKind.String, ["security"] = FlagKind.String,
            ["device"] = FlagKind.Strings,
        },
        ["HEALTHCHECK"] = new(StringComparer.Ordinal)
        {
            ["interval"] = FlagKind.String, ["timeout"] = FlagKind.String, ["start-period"] = FlagKind.String,
            ["start-interval"] = FlagKind.String, ["retries"] = FlagKind.String,
        },
    };

    // BuildKit never parses the flags of these two, so it ignores whatever flags they carry.
    private static readonly HashSet<string> FlagsIgnored = new(StringComparer.Ordinal) { "ARG", "STOPSIGNAL" };

    /// <summary>Why BuildKit would reject the instruction, or null when it accepts it.</summary>
    public static string? Check(Instruction instruction)
    {
        var keyword = instruction.Keyword;
        if (!DockerfileParser.Keywords.Contains(keyword.ToLowerInvariant()))
        {
            var known = DockerfileParser.Keywords.Select(k => k.ToUpperInvariant()).ToList();
            return "Unknown instruction: " + keyword + Suggestions.DidYouMean(keyword, known, " (did you mean {0}?)") + ".";
        }
        if (keyword == "FROM" && StageNameProblem(instruction.Arguments) is { } fromProblem)
        {
            return fromProblem;
        }
        return FlagProblem(instruction) ?? ArgumentProblem(instruction);
    }

    /// <summary>The arity problem of a FROM line; a bad stage name is reported separately, as SG1005.</summary>
    private static string? StageNameProblem(IReadOnlyList<string> arguments)
    {
        var named = arguments.Count == 3 && string.Equals(arguments[1], "as", StringComparison.OrdinalIgnoreCase);
        return named || arguments.Count == 1 ? null : "FROM requires either one or three arguments (FROM image [AS name]).";
    }

    private static string? FlagProblem(Instruction instruction)
    {
        if (FlagsIgnored.Contains(instruction.Keyword))
        {
            return null;
        }
        var allowed = FlagsByKeyword.GetValueOrDefault(instruction.Keyword) ?? [];
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in instruction.Flags)
        {
            if (!flag.StartsWith("--", StringComparison.Ordinal))
            {
                return $"Flag should start with -- : {flag}";
            }
            var body = flag[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var value = equals < 0 ? null : body[(equals + 1)..];
            if (!allowed.TryGetValue(name, out var kind))
            {
                var hint = Suggestions.DidYouMean(name, allowed.Keys.ToList(), " (did you mean --{0}?)");
                return $"Unknown flag: --{name}{hint} for {instruction.Keyword}.";
            }
            if (!used.Add(name) && kind != FlagKind.Strings)
            {
                return $"Duplicate flag specified: --{name}.";
            }
            switch (kind)
            {
                case FlagKind.Bool when value is not null && value.Length == 0:
                    return $"Missing a value on flag: --{name}.";
                case FlagKind.Bool when value is not null && value.ToLowerInvariant() is not ("true" or "false"):
                    return $"Expecting boolean value for flag --{name}, not: {value}.";
                case FlagKind.String or FlagKind.Strings when value is null:
                    // BuildKit reads only --flag=value; "--from builder" leaves --from without a value.
                    return $"Missing a value on flag: --{name} (write it as --{name}=VALUE).";
            }
        }
        return null;
    }

    private static string? ArgumentProblem(Instruction instruction)
    {
        var arguments = instruction.Arguments;
        var keyword = instruction.Keyword;
        switch (keyword)
        {
            case "ADD" or "COPY" when arguments.Count < 2:
                return $"{keyword} requires at least two arguments, but only one was provided. Destination could not be determined.";
            case "ENV" or "LABEL" or "ARG" or "EXPOSE" or "VOLUME" or "ONBUILD" or "HEALTHCHECK" or "SHELL" when arguments.Count == 0:
                return $"{keyword} requires at least one argument.";
            case "MAINTAINER" or "WORKDIR" or "USER" or "STOPSIGNAL" when arguments.Count != 1:
                return $"{keyword} requires exactly one argument.";
            case "ENV" or "LABEL" when Enumerable.Range(0, arguments.Count / 2).Any(i => arguments[2 * i].Length == 0):
                return $"{keyword} names can not be blank.";
            case "ARG" when arguments.Any(a => a.StartsWith('=')):
                return "ARG names can not be blank.";
            case "VOLUME" when arguments.Any(a => a.Trim().Length == 0):
                return "VOLUME specified can not be an empty string.";
            case "SHELL" when !instruction.IsJsonForm:
                return "SHELL requires the arguments to be in JSON form.";
            case "ONBUILD":
                return OnBuildProblem(instruction);
            case "HEALTHCHECK":
                return HealthcheckProblem(arguments);
            default:
                return null;
        }
    }

    private static string? OnBuildProblem(Instruction instruction)
    {
        var trigger = instruction.Trigger!;
        return trigger.Keyword switch
        {
            "ONBUILD" => "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed.",
            "MAINTAINER" or "FROM" => $"{trigger.Keyword} isn't allowed as an ONBUILD trigger.",
            _ => null,
        };
    }

    private static string? HealthcheckProblem(IReadOnlyList<string> arguments)
    {
        var type = arguments[0].ToUpperInvariant();
        return type switch
        {
            "NONE" when arguments.Count > 1 => "HEALTHCHECK NONE takes no arguments.",
            "NONE" => null,
            "CMD" when arguments.Count == 1 => "Missing command after HEALTHCHECK CMD.",
            "CMD" => null,
            _ => $"Unknown type \"{type}\" in HEALTHCHECK (try CMD).",
        };
    }
}

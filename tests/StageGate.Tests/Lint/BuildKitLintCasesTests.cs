using StageGate.Context;
using StageGate.Lint;

namespace StageGate.Tests.Lint;

/// <summary>
/// The Dockerfiles of BuildKit's own lint tests (moby/buildkit frontend/dockerfile/dockerfile_lint_test.go at
/// 641a8fd3eb3144060248150bd1f2faf864429d41), each with the warnings BuildKit expects, written as BuildKit's short form
/// <c>Rule: detail (line N)</c>. Every shared rule runs on every case, so a case also proves the other shared rules stay
/// quiet where BuildKit's test expects no warning from them; warnings of rules StageGate does not have are left out.
/// The texts keep BuildKit's leading newline, so the line numbers are BuildKit's.
/// </summary>
public class BuildKitLintCasesTests
{
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        "StageNameCasing", "FromAsCasing", "DuplicateStageName", "ReservedStageName", "UndefinedArgInFrom", "InvalidDefaultArgInFrom",
        "RedundantTargetPlatform", "FromPlatformFlagConstDisallowed", "JSONArgsRecommended", "MultipleInstructionsDisallowed",
        "LegacyKeyValueFormat", "WorkdirRelativePath", "UndefinedVar", "CopyIgnoredFile", "SecretsUsedInArgOrEnv",
    };

    /// <summary>The shared rules' findings as BuildKit prints them, sorted as BuildKit's test sorts: by line, then text.</summary>
    private static List<string> Warnings(string dockerfile, string? dockerignore = null)
    {
        var context = dockerignore is null ? null : new LintContext(Path.GetTempPath(), DockerIgnore.Parse(dockerignore));
        var document = LintDocument.Parse(dockerfile, "Dockerfile", null, context);
        return Linter.Run(document, new LintSettings())
            .Where(r => Shared.Contains(r.Rule.Name))
            .Select(r => (r.Finding.StartLine, Short: $"{r.Rule.Name}: {r.Finding.Message} (line {r.Finding.StartLine})"))
            .OrderBy(w => w.StartLine)
            .ThenBy(w => w.Short, StringComparer.Ordinal)
            .Select(w => w.Short)
            .ToList();
    }

    private static void AssertWarnings(string dockerfile, string[] expected, string? dockerignore = null) =>
        Assert.Equal(expected, Warnings(dockerfile, dockerignore));

    // testStageName, testWarningsBeforeError (BuildKit warns before it fails on the unknown instruction).
    public static TheoryData<string, string, string[]> StageNameCasingCases => new()
    {
        {
            "testStageName", """

            # warning: stage name should be lowercase
            #
            FROM scratch AS BadStageName

            # warning: 'as' should match 'FROM' cmd casing.
            #
            FROM scratch as base2

            FROM scratch AS base3
            """,
            ["StageNameCasing: Stage name 'BadStageName' should be lowercase (line 4)",
             "FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 8)"]
        },
        {
            "testWarningsBeforeError", """

            FROM scratch AS BadStageName
            MAINTAINER me@example.org
            BADCMD
            """,
            ["StageNameCasing: Stage name 'BadStageName' should be lowercase (line 2)"]
        },
    };

    [Theory]
    [MemberData(nameof(StageNameCasingCases))]
    public void StageNameCasing(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testStageName (second file), testConsistentInstructionCasing (a mixed-case FROM says nothing about AS), testRuleCheckOption.
    public static TheoryData<string, string, string[]> FromAsCasingCases => new()
    {
        {
            "testStageName", """

            # warning: 'AS' should match 'from' cmd casing.
            #
            from scratch AS base

            from scratch as base2
            """,
            ["FromAsCasing: 'AS' and 'from' keywords' casing do not match (line 4)"]
        },
        {
            "testConsistentInstructionCasing", """

            # warning: 'FROM' should be either lowercased or uppercased
            #
            From scratch as base
            FROM scratch AS base2
            """,
            []
        },
        {
            "testConsistentInstructionCasing", """

            # warning: 'frOM' should be either lowercased or uppercased
            #
            frOM scratch as base
            from scratch as base2
            """,
            []
        },
        { "testRuleCheckOption", "#check=skip=all\nFROM scratch as base\ncopy Dockerfile .\n", [] },
        { "testRuleCheckOption", "#check=skip=all;error=true\nFROM scratch as base\ncopy Dockerfile .\n", [] },
        { "testRuleCheckOption", "#check=skip=ConsistentInstructionCasing,FromAsCasing\nFROM scratch as base\ncopy Dockerfile .\n", [] },
        { "testRuleCheckOption", "#check=skip=ConsistentInstructionCasing,FromAsCasing;error=true\nFROM scratch as base\ncopy Dockerfile .\n", [] },
        {
            "testRuleCheckOption", "#check=skip=ConsistentInstructionCasing\nFROM scratch as base\ncopy Dockerfile .\n",
            ["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)"]
        },
        {
            "testRuleCheckOption", "#check=skip=ConsistentInstructionCasing;error=true\nFROM scratch as base\ncopy Dockerfile .\n",
            ["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)"]
        },
    };

    [Theory]
    [MemberData(nameof(FromAsCasingCases))]
    public void FromAsCasing(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    [Fact]
    public void FromAsCasing_is_an_error_under_check_error_true()
    {
        // testRuleCheckOption: BuildKit fails the build with "lint violation found for rules: FromAsCasing".
        var document = LintDocument.Parse("#check=skip=ConsistentInstructionCasing;error=true\nFROM scratch as base\ncopy Dockerfile .\n");
        var result = Assert.Single(Linter.Run(document, new LintSettings()), r => r.Rule.Name == "FromAsCasing");
        Assert.Equal(LintLevel.Error, result.Level);
    }

    // testDuplicateStageName.
    public static TheoryData<string, string, string[]> DuplicateStageNameCases => new()
    {
        {
            "testDuplicateStageName", "\nFROM scratch AS b\nFROM scratch AS b\n",
            ["DuplicateStageName: Duplicate stage name \"b\", stage names should be unique (line 3)"]
        },
        { "testDuplicateStageName", "\nFROM scratch AS b1\nFROM scratch AS b2\n", [] },
    };

    [Theory]
    [MemberData(nameof(DuplicateStageNameCases))]
    public void DuplicateStageName(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testReservedStageName.
    public static TheoryData<string, string, string[]> ReservedStageNameCases => new()
    {
        {
            "testReservedStageName", "\nFROM scratch AS scratch\nFROM scratch AS context\n",
            ["ReservedStageName: Stage name should not use the same name as reserved stage \"scratch\" (line 2)",
             "ReservedStageName: Stage name should not use the same name as reserved stage \"context\" (line 3)"]
        },
        { "testReservedStageName", "\nFROM scratch\nFROM scratch AS a\n", [] },
    };

    [Theory]
    [MemberData(nameof(ReservedStageNameCases))]
    public void ReservedStageName(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testUndeclaredArg (the busybox variants, as on Linux).
    public static TheoryData<string, string, string[]> UndefinedArgInFromCases => new()
    {
        { "testUndeclaredArg", "\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n", [] },
        { "testUndeclaredArg", "\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n", [] },
        { "testUndeclaredArg", "\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n", [] },
        { "testUndeclaredArg", "\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY Dockerfile .\n", [] },
        { "testUndeclaredArg", "\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n", [] },
        { "testUndeclaredArg", "\nARG DEBUG=\"\"\nFROM scratch${DEBUG-@bogus}\nCOPY Dockerfile .\n", [] },
        {
            "testUndeclaredArg", "\nFROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n",
            ["UndefinedArgInFrom: FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?) (line 2)"]
        },
        {
            "testUndeclaredArg", "\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n\t",
            ["UndefinedArgInFrom: FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?) (line 4)"]
        },
        {
            "testUndeclaredArg", "\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n",
            ["UndefinedArgInFrom: FROM argument 'version' is not declared (line 3)"]
        },
    };

    [Theory]
    [MemberData(nameof(UndefinedArgInFromCases))]
    public void UndefinedArgInFrom(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testInvalidDefaultArgInFrom (BuildKit passes build arguments that make the builds work; the check judges the defaults).
    public static TheoryData<string, string, string[]> InvalidDefaultArgInFromCases => new()
    {
        {
            "testInvalidDefaultArgInFrom", "\nARG VERSION\nFROM busybox:$VERSION\n",
            ["InvalidDefaultArgInFrom: Default value for ARG busybox:$VERSION results in empty or invalid base image name (line 3)"]
        },
        {
            "testInvalidDefaultArgInFrom", "\nARG IMAGE\nFROM $IMAGE\n",
            ["InvalidDefaultArgInFrom: Default value for ARG $IMAGE results in empty or invalid base image name (line 3)"]
        },
        {
            "testInvalidDefaultArgInFrom", "\nARG SFX=\"box:\"\nFROM busy${SFX}\n",
            ["InvalidDefaultArgInFrom: Default value for ARG busy${SFX} results in empty or invalid base image name (line 3)"]
        },
        { "testInvalidDefaultArgInFrom", "\nARG VERSION=\"latest\"\nFROM busybox:${VERSION}\n", [] },
        { "testInvalidDefaultArgInFrom", "\nARG BUSYBOX_VARIANT=\"\"\nFROM busybox:stable${BUSYBOX_VARIANT}\n", [] },
        { "testInvalidDefaultArgInFrom", "\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t", [] },
    };

    [Theory]
    [MemberData(nameof(InvalidDefaultArgInFromCases))]
    public void InvalidDefaultArgInFrom(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testRedundantTargetPlatform.
    public static TheoryData<string, string, string[]> RedundantTargetPlatformCases => new()
    {
        {
            "testRedundantTargetPlatform", "\nFROM --platform=$TARGETPLATFORM scratch\n",
            ["RedundantTargetPlatform: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior (line 2)"]
        },
        {
            "testRedundantTargetPlatform", "\nFROM --platform=${TARGETPLATFORM} scratch\n",
            ["RedundantTargetPlatform: Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior (line 2)"]
        },
    };

    [Theory]
    [MemberData(nameof(RedundantTargetPlatformCases))]
    public void RedundantTargetPlatform(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testFromPlatformFlagConstDisallowed.
    public static TheoryData<string, string, string[]> FromPlatformFlagConstDisallowedCases => new()
    {
        {
            "testFromPlatformFlagConstDisallowed", "\nFROM --platform=linux/amd64 scratch\n",
            ["FromPlatformFlagConstDisallowed: FROM --platform flag should not use constant value \"linux/amd64\" (line 2)"]
        },
        { "testFromPlatformFlagConstDisallowed", "\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n", [] },
        { "testFromPlatformFlagConstDisallowed", "\nFROM --platform=linux/amd64 scratch AS linux\n", [] },
    };

    [Theory]
    [MemberData(nameof(FromPlatformFlagConstDisallowedCases))]
    public void FromPlatformFlagConstDisallowed(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testJSONArgsRecommended.
    public static TheoryData<string, string, string[]> JSONArgsRecommendedCases => new()
    {
        {
            "testJSONArgsRecommended", "\nFROM scratch\nCMD mycommand\n",
            ["JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)"]
        },
        {
            "testJSONArgsRecommended", "\nFROM scratch\nENTRYPOINT mycommand\n",
            ["JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (line 3)"]
        },
        { "testJSONArgsRecommended", "\nFROM scratch\nSHELL [\"/usr/bin/customshell\"]\nCMD mycommand\n", [] },
        { "testJSONArgsRecommended", "\nFROM scratch\nSHELL [\"/usr/bin/customshell\"]\nENTRYPOINT mycommand\n", [] },
        { "testJSONArgsRecommended", "\nFROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\n\nFROM base\nCMD mycommand\n", [] },
        { "testJSONArgsRecommended", "\nFROM scratch AS base\nSHELL [\"/usr/bin/customshell\"]\n\nFROM base\nENTRYPOINT mycommand\n", [] },
    };

    [Theory]
    [MemberData(nameof(JSONArgsRecommendedCases))]
    public void JSONArgsRecommended(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    private static string Multiple(string keyword, int line) =>
        $"MultipleInstructionsDisallowed: Multiple {keyword} instructions should not be used in the same stage because only the last one will be used (line {line})";

    // testMultipleInstructionsDisallowed.
    public static TheoryData<string, string, string[]> MultipleInstructionsDisallowedCases => new()
    {
        {
            "testMultipleInstructionsDisallowed", """

            FROM scratch
            ENTRYPOINT ["/myapp"]
            ENTRYPOINT ["/myotherapp"]
            CMD ["/myapp"]
            CMD ["/myotherapp"]
            HEALTHCHECK CMD ["/myapp"]
            HEALTHCHECK CMD ["/myotherapp"]
            """,
            [Multiple("ENTRYPOINT", 3), Multiple("CMD", 5), Multiple("HEALTHCHECK", 7)]
        },
        {
            "testMultipleInstructionsDisallowed", """

            FROM scratch
            ENTRYPOINT ["/myapp"]
            CMD ["/myapp"]
            HEALTHCHECK CMD ["/myapp"]
            COPY <<EOF /a.txt
            Hello, World!
            EOF
            ENTRYPOINT ["/myotherapp"]
            CMD ["/myotherapp"]
            HEALTHCHECK CMD ["/myotherapp"]
            """,
            [Multiple("ENTRYPOINT", 3), Multiple("CMD", 4), Multiple("HEALTHCHECK", 5)]
        },
        {
            "testMultipleInstructionsDisallowed", """

            FROM scratch AS a
            ENTRYPOINT ["/myapp"]
            CMD ["/myapp"]
            HEALTHCHECK CMD ["/myapp"]

            FROM a AS b
            ENTRYPOINT ["/myotherapp"]
            CMD ["/myotherapp"]
            HEALTHCHECK CMD ["/myotherapp"]
            """,
            []
        },
    };

    [Theory]
    [MemberData(nameof(MultipleInstructionsDisallowedCases))]
    public void MultipleInstructionsDisallowed(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    private const string LegacyEnv = "LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format";
    private const string LegacyLabel = "LegacyKeyValueFormat: \"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format";

    // testLegacyKeyValueFormat. The third file's warnings are BuildKit's UnmarshalWarnings, whose lines its test does not
    // compare (it lists 3 and 4); they are the ENV and LABEL lines, 5 and 6.
    public static TheoryData<string, string, string[]> LegacyKeyValueFormatCases => new()
    {
        { "testLegacyKeyValueFormat", "\nFROM scratch\nENV testkey value\nLABEL key value\n", [LegacyEnv + " (line 3)", LegacyLabel + " (line 4)"] },
        { "testLegacyKeyValueFormat", "\nFROM scratch\nENV testkey=value\nLABEL key=value\n", [] },
        {
            "testLegacyKeyValueFormat", "\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n",
            [LegacyEnv + " (line 5)", LegacyLabel + " (line 6)"]
        },
    };

    [Theory]
    [MemberData(nameof(LegacyKeyValueFormatCases))]
    public void LegacyKeyValueFormat(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testWorkdirRelativePath.
    public static TheoryData<string, string, string[]> WorkdirRelativePathCases => new()
    {
        {
            "testWorkdirRelativePath", "\nFROM scratch\nWORKDIR app/\n",
            ["WorkdirRelativePath: Relative workdir \"app/\" can have unexpected results if the base image changes (line 3)"]
        },
        { "testWorkdirRelativePath", "\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n", [] },
    };

    [Theory]
    [MemberData(nameof(WorkdirRelativePathCases))]
    public void WorkdirRelativePath(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // testUnmatchedVars (the alpine variants, as on Linux) and testAllTargetUnmarshal (its UnmarshalWarnings: a lint
    // covers every stage, not only those a build of the last stage reaches).
    public static TheoryData<string, string, string[]> UndefinedVarCases => new()
    {
        { "testUnmatchedVars", "\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n", [] },
        { "testUnmatchedVars", "\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n", [] },
        { "testUnmatchedVars", "\nFROM alpine\nRUN echo $PATH\n", [] },
        {
            "testUnmatchedVars", "\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n",
            ["UndefinedVar: Usage of undefined variable '$foo' (line 3)"]
        },
        {
            "testUnmatchedVars", "\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n\t",
            ["UndefinedVar: Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?) (line 6)"]
        },
        {
            "testUnmatchedVars", "\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n\t\t",
            ["UndefinedVar: Usage of undefined variable '$PAHT' (did you mean $PATH?) (line 3)"]
        },
        {
            "testAllTargetUnmarshal", "\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n",
            ["UndefinedVar: Usage of undefined variable '$foo' (line 3)", "UndefinedVar: Usage of undefined variable '$bar' (line 6)"]
        },
    };

    [Theory]
    [MemberData(nameof(UndefinedVarCases))]
    public void UndefinedVar(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    private const string CopyIgnored = "CopyIgnoredFile: Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore (line 3)";
    private const string AddIgnored = "CopyIgnoredFile: Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore (line 4)";

    // testCopyIgnoredFiles: the check is experimental, so it runs only when the check directive asks for it, and then
    // even under skip=all.
    public static TheoryData<string, string, string, string[]> CopyIgnoredFileCases => new()
    {
        { "testCopyIgnoredFiles", "\nDockerfile\n", "\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n", [] },
        {
            "testCopyIgnoredFiles", "\nDockerfile\n", "# check=experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
            [CopyIgnored, AddIgnored]
        },
        {
            "testCopyIgnoredFiles", "\nDockerfile\n", "# check=skip=all;experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
            [CopyIgnored, AddIgnored]
        },
        {
            "testCopyIgnoredFiles", "\nfoobar\n",
            "\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n",
            []
        },
    };

    [Theory]
    [MemberData(nameof(CopyIgnoredFileCases))]
    public void CopyIgnoredFile(string source, string dockerignore, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected, dockerignore);
    }

    private static string Secret(string keyword, string name, int line) =>
        $"SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data ({keyword} \"{name}\") (line {line})";

    // testSecretsUsedInArgOrEnv.
    public static TheoryData<string, string, string[]> SecretsUsedInArgOrEnvCases => new()
    {
        {
            "testSecretsUsedInArgOrEnv", """

            FROM scratch
            ARG SECRET_PASSPHRASE
            ENV SUPER_Secret=foo
            ENV password=bar secret=baz
            ARG super_duper_secret_token=foo auth=bar
            ENV apikey=bar sunflower=foo
            ENV git_key=
            ENV PUBLIC_KEY=
            ARG public_token
            """,
            [Secret("ARG", "SECRET_PASSPHRASE", 3), Secret("ENV", "SUPER_Secret", 4), Secret("ENV", "password", 5), Secret("ENV", "secret", 5),
             Secret("ARG", "auth", 6), Secret("ARG", "super_duper_secret_token", 6), Secret("ENV", "apikey", 7), Secret("ENV", "git_key", 8)]
        },
    };

    [Theory]
    [MemberData(nameof(SecretsUsedInArgOrEnvCases))]
    public void SecretsUsedInArgOrEnv(string source, string dockerfile, string[] expected)
    {
        Assert.NotEmpty(source);
        AssertWarnings(dockerfile, expected);
    }

    // BuildKit's test files for rules StageGate does not share (testNoEmptyContinuation, testConsistentInstructionCasing,
    // testMaintainerDeprecated, testDefinitionDescription): BuildKit expects no warning of a shared rule on them.
    public static TheoryData<string, string> FilesWithoutSharedWarnings => new()
    {
        { "testNoEmptyContinuation", "\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n" },
        { "testConsistentInstructionCasing", "\nFROM scratch\n# warning: 'copy' should match command majority's casing (uppercase)\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n" },
        { "testConsistentInstructionCasing", "\nfrom scratch\n# warning: 'COPY' should match command majority's casing (lowercase)\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n" },
        { "testConsistentInstructionCasing", "\n# warning: 'from' should match command majority's casing (uppercase)\n#\nfrom scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n" },
        { "testConsistentInstructionCasing", "\n# warning: 'FROM' should match command majority's casing (lowercase)\n#\nFROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n" },
        { "testConsistentInstructionCasing", "\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n" },
        { "testConsistentInstructionCasing", "\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n" },
        { "testConsistentInstructionCasing", "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n" },
        { "testMaintainerDeprecated", "\nFROM scratch\nMAINTAINER me@example.org\n" },
        { "testMaintainerDeprecated", "\nFROM scratch\nLABEL org.opencontainers.image.authors=\"me@example.org\"\n" },
        {
            "testDefinitionDescription",
            "# check=experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n"
            + "# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n"
            + "# comment for something other than ARG or FROM\nCOPY Dockerfile .\n"
        },
        {
            "testDefinitionDescription",
            "# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n"
            + "# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n"
        },
    };

    [Theory]
    [MemberData(nameof(FilesWithoutSharedWarnings))]
    public void Files_of_unshared_rules_raise_no_shared_warning(string source, string dockerfile)
    {
        Assert.NotEmpty(source);
        Assert.Empty(Warnings(dockerfile));
    }
}

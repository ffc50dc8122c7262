using StageGate.Context;
using StageGate.Lint;
using StageGate.Lint.Rules;
using StageGate.Tests.Context;

namespace StageGate.Tests.Lint;

/// <summary>
/// The multi-stage pitfalls: each caught where it is a mistake, and left alone in builder and test stages and in the
/// multi-stage situations where hadolint misfires.
/// </summary>
public sealed class PitfallTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void An_untagged_or_latest_base_image_is_reported_in_any_stage_with_a_digest_suggested_for_the_final_one()
    {
        var findings = Lints.Of("SG5010", """
            FROM golang AS build
            FROM alpine:latest
            """);

        Assert.Equal(2, findings.Count);
        Assert.Equal(1, findings[0].Line);
        Assert.DoesNotContain("digest", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, findings[1].Line);
        Assert.Contains("digest", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_named_through_an_ARG_is_not_an_unpinned_image_where_hadolint_says_it_is()
    {
        Assert.Empty(Lints.Of("SG5010", """
            ARG BUILDER=build
            ARG RUNTIME=alpine:3.20
            FROM golang:1.23 AS build
            FROM ${BUILDER} AS test
            FROM ${RUNTIME}
            FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            FROM scratch
            """));
    }

    [Fact]
    public void A_final_base_pinned_by_tag_gets_a_digest_suggestion_and_a_builder_does_not()
    {
        Assert.Equal([2], Lints.Lines("SG5011", """
            FROM golang:1.23 AS build
            FROM alpine:3.20
            """));
        Assert.Empty(Lints.Of("SG5011", "FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"));
    }

    [Fact]
    public void Root_is_reported_once_for_the_final_stage_and_never_for_builder_or_test_stages()
    {
        // hadolint's root rule fires per stage; only the stage that ships runs in production.
        var findings = Lints.Of("SG5012", """
            FROM golang:1.23 AS build
            USER root
            FROM build AS test
            RUN go test ./...
            FROM alpine:3.20
            COPY --from=build /out/app /app
            """);

        Assert.Equal([5], findings.Select(f => f.Line));
    }

    [Fact]
    public void A_non_root_USER_in_the_final_stage_or_the_stage_it_builds_on_satisfies_the_root_rule()
    {
        Assert.Empty(Lints.Of("SG5012", """
            FROM alpine:3.20 AS base
            USER 10001
            FROM base
            COPY app /app
            """));
        Assert.Empty(Lints.Of("SG5012", "FROM gcr.io/distroless/static:nonroot\n"));
    }

    [Fact]
    public void USER_root_as_the_final_stage_last_word_is_reported_at_that_line()
    {
        Assert.Equal([3], Lints.Lines("SG5012", """
            FROM alpine:3.20
            USER app
            USER root:root
            """));
    }

    [Fact]
    public void The_final_target_option_decides_which_stage_ships()
    {
        Assert.Equal([1], Lints.Lines("SG5012", """
            FROM alpine:3.20 AS runtime
            FROM alpine:3.20 AS tools
            USER 10001
            """, finalTarget: "runtime"));
    }

    [Fact]
    public void An_SDK_image_a_compiler_install_or_a_package_cache_in_the_final_stage_is_a_toolchain_finding()
    {
        var findings = Lints.Of("SG5013", """
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN apt-get update && apt-get install -y build-essential
            FROM mcr.microsoft.com/dotnet/sdk:8.0
            RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
            RUN apk add curl
            RUN pip install --no-cache-dir flask
            """);

        Assert.Equal([3, 4, 5], findings.Select(f => f.Line));
        Assert.Contains("gcc", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("apk add --no-cache", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_final_stage_that_cleans_its_caches_has_no_toolchain_finding()
    {
        Assert.Empty(Lints.Of("SG5013", """
            FROM eclipse-temurin:21-jdk AS build
            RUN apt-get update && apt-get install -y maven
            FROM eclipse-temurin:21-jre
            RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
            RUN apk add --no-cache tzdata
            RUN --mount=type=cache,target=/root/.cache/pip pip install flask
            """));
    }

    [Fact]
    public void Copying_the_whole_context_is_reported_in_the_final_stage_only()
    {
        var findings = Lints.Of("SG5014", """
            FROM node:22 AS build
            COPY . .
            FROM nginx:1.27
            COPY --from=build /app/dist /usr/share/nginx/html
            COPY . /srv
            """);

        Assert.Equal([5], findings.Select(f => f.Line));
    }

    [Fact]
    public void A_dependency_install_after_COPY_all_is_reported_and_the_cached_layout_is_not()
    {
        Assert.Equal([3], Lints.Lines("SG5015", """
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            COPY . .
            RUN dotnet restore
            RUN dotnet publish -c Release -o /out
            """));
        Assert.Empty(Lints.Of("SG5015", """
            FROM node:22 AS build
            COPY package.json package-lock.json ./
            RUN npm ci
            COPY . .
            RUN npm run build && npm install --omit=dev
            """));
    }

    [Fact]
    public void A_large_context_without_a_dockerignore_is_reported_and_a_small_one_is_not()
    {
        _context.Write("Dockerfile", "FROM alpine:3.20\nCOPY . /src\n");
        _context.Write("small.txt", "x");
        Assert.Empty(Lints.Of("SG5016", File.ReadAllText(Path.Combine(_context.Path, "Dockerfile")), context: Context()));

        _context.Write("big.bin", new string('x', (int)DockerIgnoreIncomplete.LargeBytes + 1));
        var findings = Lints.Of("SG5016", File.ReadAllText(Path.Combine(_context.Path, "Dockerfile")), context: Context());

        Assert.Equal([2], findings.Select(f => f.Line));
        Assert.Contains("no .dockerignore", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerignore_that_lets_node_modules_through_a_large_context_is_reported_on_the_ignore_file()
    {
        _context.Write("Dockerfile", "FROM alpine:3.20\nCOPY . /src\n");
        _context.Write(".dockerignore", ".git\n");
        _context.Write("node_modules/left-pad/index.js", new string('x', (int)DockerIgnoreIncomplete.LargeBytes + 1));
        var document = LintDocument.Parse(File.ReadAllText(Path.Combine(_context.Path, "Dockerfile")), Path.Combine(_context.Path, "Dockerfile"), null, Context());

        var result = Assert.Single(Linter.Run(document, new LintSettings { Only = new HashSet<string> { "SG5016" } }));

        Assert.Equal(Path.Combine(_context.Path, ".dockerignore"), result.File);
        Assert.Contains("node_modules", result.Finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyIgnoredFile_reports_a_COPY_of_an_ignored_file_and_not_a_COPY_from_a_stage_or_an_image()
    {
        _context.Write(".dockerignore", "secrets.env\n");
        const string dockerfile = """
            FROM alpine:3.20 AS build
            COPY secrets.env /app/
            COPY app.conf /app/
            FROM alpine:3.20
            COPY --from=build secrets.env /app/
            COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
            """;

        Assert.Equal(
            [(2, "Attempting to Copy file \"secrets.env\" that is excluded by .dockerignore")],
            Lints.Of("CopyIgnoredFile", dockerfile, context: Context()));
    }

    [Fact]
    public void COPY_from_an_external_image_is_no_finding_of_any_rule_where_hadolint_reports_an_unknown_stage()
    {
        const string dockerfile = """
            FROM alpine:3.20 AS build
            RUN echo built > /out
            FROM alpine:3.20
            COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
            COPY --from=build /out /out
            USER 10001
            """;
        var document = LintDocument.Parse(dockerfile);

        var lines = Linter.Run(document, new LintSettings()).Select(r => r.Finding.StartLine).ToList();

        Assert.DoesNotContain(4, lines);
        Assert.DoesNotContain(5, lines);
    }

    private LintContext Context() => new(_context.Path, DockerIgnore.ForBuild(_context.Path, Path.Combine(_context.Path, "Dockerfile")));
}

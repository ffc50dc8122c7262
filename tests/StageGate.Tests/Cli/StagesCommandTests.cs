using System.CommandLine;
using System.Text.Json.Nodes;
using StageGate.Tool.Commands;

namespace StageGate.Tests.Cli;

public sealed class StagesCommandTests : IDisposable
{
    private const string Dockerfile = """
        ARG GO_VERSION=1.22
        FROM golang:${GO_VERSION} AS builder
        RUN go build -o /app ./...

        FROM builder AS test
        RUN --mount=type=bind,from=nginx:alpine,target=/etc/nginx go test ./...

        FROM scratch
        COPY --from=builder /app /app
        COPY --from=0 /etc/ssl/certs /etc/ssl/certs
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-stages-").FullName;
    private readonly string _dockerfile;

    public StagesCommandTests()
    {
        _dockerfile = Path.Combine(_folder, "Dockerfile");
        File.WriteAllText(_dockerfile, Dockerfile);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await StagesCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_output_has_exactly_the_documented_shape()
    {
        var (exit, output, _) = await Run("--file", _dockerfile, "--format", "json");

        var expected = new JsonObject
        {
            ["dockerfile"] = _dockerfile,
            ["stages"] = new JsonArray(
                new JsonObject
                {
                    ["index"] = 0, ["name"] = "builder", ["line"] = 2, ["base"] = "golang:1.22", ["baseKind"] = "image",
                    ["baseStage"] = null, ["refs"] = new JsonArray(),
                },
                new JsonObject
                {
                    ["index"] = 1, ["name"] = "test", ["line"] = 5, ["base"] = "builder", ["baseKind"] = "stage",
                    ["baseStage"] = 0,
                    ["refs"] = new JsonArray(new JsonObject { ["instruction"] = "RUN", ["line"] = 6, ["kind"] = "image", ["image"] = "nginx:alpine" }),
                },
                new JsonObject
                {
                    ["index"] = 2, ["name"] = null, ["line"] = 8, ["base"] = "scratch", ["baseKind"] = "scratch",
                    ["baseStage"] = null,
                    ["refs"] = new JsonArray(
                        new JsonObject { ["instruction"] = "COPY", ["line"] = 9, ["kind"] = "stage", ["stage"] = 0 },
                        new JsonObject { ["instruction"] = "COPY", ["line"] = 10, ["kind"] = "stage", ["stage"] = 0 }),
                }),
            ["target"] = 2,
            ["targetNeeds"] = new JsonArray(0, 2),
            ["unreachable"] = new JsonArray(1),
        };
        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(output)), output);
    }

    [Fact]
    public async Task Json_output_follows_the_target_option()
    {
        var (_, output, _) = await Run("--file", _dockerfile, "--format", "json", "--target", "TEST");

        var json = JsonNode.Parse(output)!;
        Assert.Equal(1, (int)json["target"]!);
        Assert.Equal("[0,1]", json["targetNeeds"]!.ToJsonString());
        Assert.Equal("[2]", json["unreachable"]!.ToJsonString());
    }

    [Fact]
    public async Task Text_output_is_a_table_of_stages_and_names_the_stages_the_target_skips()
    {
        var (exit, output, _) = await Run("--file", _dockerfile);

        var lines = output.Split(Environment.NewLine);
        Assert.Equal(0, exit);
        Assert.Contains($"Dockerfile: {_dockerfile}", lines);
        Assert.Contains("Target: stage-2 (stage 2, line 8)", lines);
        Assert.Contains("INDEX  NAME     BASE               LINE  USES          NEEDED", lines);
        Assert.Contains("0      builder  golang:1.22        2     -             yes", lines);
        Assert.Contains("1      test     builder (stage 0)  5     nginx:alpine  no", lines);
        Assert.Contains("2      -        scratch            8     builder       yes", lines);
        Assert.Contains("Not reached by stage-2: test (stage 1).", lines);
    }

    [Fact]
    public async Task Build_arguments_reach_the_FROM_lines()
    {
        var (_, output, _) = await Run("--file", _dockerfile, "--format", "json", "--build-arg", "GO_VERSION=1.23");

        Assert.Equal("golang:1.23", (string)JsonNode.Parse(output)!["stages"]![0]!["base"]!);
    }

    [Fact]
    public async Task An_unknown_target_exits_2_with_SG1008_and_a_suggestion()
    {
        var (exit, output, error) = await Run("--file", _dockerfile, "--target", "tset");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{_dockerfile}: error SG1008: Stage 'tset' not found. Stages: builder, test. Did you mean 'test'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_Dockerfile_exits_2_with_SG1001()
    {
        var missing = Path.Combine(_folder, "Missing.Dockerfile");

        var (exit, _, error) = await Run("--file", missing);

        Assert.Equal(2, exit);
        Assert.Contains("error SG1001", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_exits_2_pointing_at_the_file_and_line()
    {
        File.WriteAllText(_dockerfile, "FROM busybox\nCOPY --from builder /a /b\n");

        var (exit, _, error) = await Run("--file", _dockerfile);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{_dockerfile}(2,1): error SG1004:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_exits_2_with_SG1016()
    {
        var (exit, _, error) = await Run("--file", _dockerfile, "--format", "yaml");

        Assert.Equal(2, exit);
        Assert.Contains("error SG1016", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_file_is_the_Dockerfile_in_the_current_folder()
    {
        var (exit, _, error) = await Run();

        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(Environment.CurrentDirectory, "Dockerfile")}' does not exist", error, StringComparison.Ordinal);
    }
}

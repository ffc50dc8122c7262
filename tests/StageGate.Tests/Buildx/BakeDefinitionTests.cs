using System.Text.Json;
using StageGate.Buildx;
using StageGate.Diagnostics;

namespace StageGate.Tests.Buildx;

public sealed class BakeDefinitionTests
{
    [Fact]
    public void A_bake_file_has_a_default_group_and_each_target_under_bake_json_names()
    {
        var definition = new BakeDefinition(
        [
            new BakeTarget("test")
            {
                Context = ".",
                Dockerfile = "Dockerfile",
                Target = "test",
                Outputs = ["type=cacheonly"],
                NoCacheFilter = ["test"],
            },
            new BakeTarget("final")
            {
                Context = ".",
                Dockerfile = "Dockerfile",
                Target = "final",
                Tags = ["app:1.0"],
                Args = new Dictionary<string, string> { ["VERSION"] = "1.0" },
                Labels = new Dictionary<string, string> { ["team"] = "core" },
                Secrets = [BuildxSecret.FromEnvironment("npm", "NPM_TOKEN")],
                Ssh = [SshForward.Default],
                Platforms = ["linux/amd64"],
                CacheFrom = ["type=local,src=/tmp/cache"],
                CacheTo = ["type=local,dest=/tmp/cache"],
                NoCache = false,
                Pull = true,
                Attest = ["type=provenance,mode=min"],
            },
        ]);

        var expected = """
            {
              "group": {
                "default": {
                  "targets": [
                    "test",
                    "final"
                  ]
                }
              },
              "target": {
                "test": {
                  "context": ".",
                  "dockerfile": "Dockerfile",
                  "target": "test",
                  "no-cache-filter": [
                    "test"
                  ],
                  "output": [
                    "type=cacheonly"
                  ]
                },
                "final": {
                  "context": ".",
                  "dockerfile": "Dockerfile",
                  "target": "final",
                  "tags": [
                    "app:1.0"
                  ],
                  "args": {
                    "VERSION": "1.0"
                  },
                  "labels": {
                    "team": "core"
                  },
                  "secret": [
                    "id=npm,env=NPM_TOKEN"
                  ],
                  "ssh": [
                    "default"
                  ],
                  "platforms": [
                    "linux/amd64"
                  ],
                  "cache-from": [
                    "type=local,src=/tmp/cache"
                  ],
                  "cache-to": [
                    "type=local,dest=/tmp/cache"
                  ],
                  "no-cache": false,
                  "pull": true,
                  "attest": [
                    "type=provenance,mode=min"
                  ]
                }
              }
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), definition.ToJson().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Values_that_bake_would_interpolate_are_escaped_and_quotes_survive()
    {
        var definition = new BakeDefinition([new BakeTarget("t")
        {
            Args = new Dictionary<string, string> { ["A"] = "x ${HOME} %{ if } \"q\" $PLAIN" },
        }]);

        using var json = JsonDocument.Parse(definition.ToJson());

        Assert.Equal("x $${HOME} %%{ if } \"q\" $PLAIN",
            json.RootElement.GetProperty("target").GetProperty("t").GetProperty("args").GetProperty("A").GetString());
    }

    [Fact]
    public void A_target_name_bake_would_reject_is_SG1016()
    {
        var error = Assert.Throws<StageGateException>(() => new BakeDefinition([new BakeTarget("my.target")]).ToJson());

        Assert.Equal("SG1016", error.Code);
        Assert.Contains("'my.target'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_group_can_name_a_subset_of_the_targets()
    {
        var definition = new BakeDefinition([new BakeTarget("test"), new BakeTarget("final")]) { DefaultGroup = ["final"] };

        using var json = JsonDocument.Parse(definition.ToJson());

        Assert.Equal(["final"], json.RootElement.GetProperty("group").GetProperty("default").GetProperty("targets")
            .EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}

public sealed class BakeArgumentsTests
{
    [Fact]
    public void Bake_reads_the_written_file_and_builds_the_named_targets_last()
    {
        var args = new BakeOptions("/tmp/stagegate bake.json") { Targets = ["test", "final"], Progress = ProgressMode.RawJson }.ToArguments();

        Assert.Equal(["buildx", "bake", "--file", "/tmp/stagegate bake.json", "--progress", "rawjson", "test", "final"], args);
    }

    [Fact]
    public void Every_bake_option_is_written_by_hand_with_bare_boolean_flags()
    {
        var args = new BakeOptions("bake.json")
        {
            Builder = "b",
            Progress = ProgressMode.Plain,
            MetadataFile = "meta.json",
            Load = true,
            Push = true,
            NoCache = true,
            Pull = true,
            Provenance = "false",
            Sbom = "false",
            Set = ["final.args.GREETING=hello \"world\"", "*.platform=linux/amd64"],
            Targets = ["final"],
        }.ToArguments();

        Assert.Equal(
            ["buildx", "bake", "--file", "bake.json", "--builder", "b", "--progress", "plain", "--metadata-file", "meta.json",
             "--load", "--push", "--no-cache", "--pull", "--provenance", "false", "--sbom", "false",
             "--set", "final.args.GREETING=hello \"world\"", "--set", "*.platform=linux/amd64", "final"],
            args);
    }

    [Fact]
    public void A_bake_target_name_with_a_space_is_SG1016()
    {
        Assert.Equal("SG1016", Assert.Throws<StageGateException>(() => new BakeOptions("b.json") { Targets = ["a b"] }.ToArguments()).Code);
    }
}

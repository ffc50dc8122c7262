using StageGate.Diagnostics;
using StageGate.Registry;

namespace StageGate.Tests.Registry;

/// <summary>An image reference names the registry, repository and tag or digest exactly as docker reads it.</summary>
public sealed class RegistryReferenceTests
{
    [Theory]
    [InlineData("app", "docker.io", "library/app", "latest", null)]
    [InlineData("team/app:1.0", "docker.io", "team/app", "1.0", null)]
    [InlineData("docker.io/app", "docker.io", "library/app", "latest", null)]
    [InlineData("index.docker.io/team/app", "docker.io", "team/app", "latest", null)]
    [InlineData("localhost/app", "localhost", "app", "latest", null)]
    [InlineData("localhost:5000/app:v2", "localhost:5000", "app", "v2", null)]
    [InlineData("10.0.0.5:5000/team/app:ci", "10.0.0.5:5000", "team/app", "ci", null)]
    [InlineData("registry.example/a/b/c:x", "registry.example", "a/b/c", "x", null)]
    public void A_reference_resolves_its_registry_and_repository_as_docker_does(string text, string domain, string repository, string tag, string? digest)
    {
        var reference = RegistryReference.Parse(text);

        Assert.Equal((domain, repository, tag, digest), (reference.Domain, reference.Repository, reference.Tag, reference.Digest));
    }

    [Fact]
    public void A_digest_wins_over_the_tag_when_the_manifest_is_read()
    {
        var digest = "sha256:" + new string('a', 64);

        var reference = RegistryReference.Parse($"registry.example:5000/app:1.0@{digest}");

        Assert.Equal(digest, reference.ManifestReference);
        Assert.Equal($"registry.example:5000/app:1.0@{digest}", reference.ToString());
    }

    [Fact]
    public void A_digest_alone_has_no_tag()
    {
        var reference = RegistryReference.Parse("registry.example/app@sha256:" + new string('b', 64));

        Assert.Null(reference.Tag);
    }

    [Fact]
    public void Docker_Hub_is_read_at_its_API_host_and_any_other_registry_at_its_own_name()
    {
        Assert.NotEqual("docker.io", RegistryReference.Parse("app").ApiHost);
        Assert.Equal("registry.example:5000", RegistryReference.Parse("registry.example:5000/app").ApiHost);
    }

    [Theory]
    [InlineData("App/Upper")]
    [InlineData("app:")]
    [InlineData("")]
    public void Text_that_is_no_reference_is_SG2023_with_the_form_to_write(string text)
    {
        var error = Assert.Throws<StageGateException>(() => RegistryReference.Parse(text));

        Assert.Equal(Codes.InvalidImageReference.Code, error.Diagnostic.Code);
        Assert.Contains("[registry[:port]/]repository[:tag][@sha256:digest]", error.Diagnostic.Message, StringComparison.Ordinal);
    }
}

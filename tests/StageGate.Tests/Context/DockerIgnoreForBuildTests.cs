using StageGate.Context;
using StageGate.Diagnostics;

namespace StageGate.Tests.Context;

public sealed class DockerIgnoreForBuildTests : IDisposable
{
    private readonly TempContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void The_dockerfile_specific_ignore_file_takes_precedence_over_the_context_one()
    {
        _context.Write(".dockerignore", "from-context");
        var specific = _context.Write("build/app.Dockerfile.dockerignore", "from-dockerfile");

        var ignore = DockerIgnore.ForBuild(_context.Path, _context.Full("build/app.Dockerfile"));

        Assert.Equal(specific, ignore.SourcePath);
        Assert.True(ignore.IsExcluded("from-dockerfile"));
        Assert.False(ignore.IsExcluded("from-context"));
    }

    [Fact]
    public void The_context_ignore_file_is_used_when_the_dockerfile_has_none()
    {
        var contextIgnore = _context.Write(".dockerignore", "from-context");

        var ignore = DockerIgnore.ForBuild(_context.Path, _context.Full("build/app.Dockerfile"));

        Assert.Equal(contextIgnore, ignore.SourcePath);
    }

    [Fact]
    public void Without_a_dockerfile_path_the_default_dockerfile_s_ignore_file_is_looked_for()
    {
        _context.Write(".dockerignore", "from-context");
        var specific = _context.Write("Dockerfile.dockerignore", "from-dockerfile");

        var ignore = DockerIgnore.ForBuild(_context.Path, dockerfilePath: null);

        Assert.Equal(specific, ignore.SourcePath);
    }

    [Fact]
    public void No_ignore_file_means_nothing_is_excluded()
    {
        var ignore = DockerIgnore.ForBuild(_context.Path, dockerfilePath: null);

        Assert.Same(DockerIgnore.Empty, ignore);
    }

    [Fact]
    public void A_missing_context_folder_is_reported_as_not_found()
    {
        var missing = Path.Combine(_context.Path, "nope");

        var error = Assert.Throws<StageGateException>(() => DockerIgnore.ForBuild(missing, null));

        Assert.Equal(Codes.ContextNotFound.Code, error.Code);
    }

    [Fact]
    public void A_malformed_ignore_file_is_reported_with_its_path_and_line()
    {
        var path = _context.Write(".dockerignore", "ok\n\nbad[");

        var problem = DockerIgnore.ForBuild(_context.Path, null).MalformedPattern;

        Assert.Equal((path, 3), (problem?.File, problem?.Line));
    }
}

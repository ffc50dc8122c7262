using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Registry;

/// <summary>The registry is reached with the host's settings: its environment says where docker's credentials are.</summary>
public sealed class RegistrySettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-registry-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_docker_config_is_looked_up_in_the_environment_the_host_gave_not_the_processs()
    {
        var values = new OptionValues(FrontEnd.Cake, _folder)
        {
            Environment = name => name switch { "DOCKER_CONFIG" => "/from/the/host", "HOME" => "/home/of/the/host", _ => null },
        };

        var settings = GatePipeline.RegistrySettingsFor(OptionResolver.Resolve(values));

        Assert.Equal("/from/the/host", settings.Environment("DOCKER_CONFIG"));
        Assert.Equal("/home/of/the/host", settings.Environment("HOME"));
    }
}

namespace StageGate.IntegrationTests.Remote;

/// <summary>Tests that start registries and engines of their own run one at a time: each holds a bridge, certificates and a daemon.</summary>
[CollectionDefinition(Name)]
public sealed class RemoteFixtures
{
    public const string Name = "Remote engines and registries";
}

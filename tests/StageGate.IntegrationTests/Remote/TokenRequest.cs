namespace StageGate.IntegrationTests.Remote;

/// <summary>One request the token endpoint answered: who asked (null: anonymous), for which scopes, and whether access was granted.</summary>
internal sealed record TokenRequest(string? Account, IReadOnlyList<string> Scopes, bool Granted);

using StageGate.Registry;

namespace StageGate.Tests.Registry;

/// <summary>A registry's WWW-Authenticate header is read for its scheme and parameters, quoted or not.</summary>
public sealed class AuthChallengeTests
{
    [Fact]
    public void A_Bearer_challenge_gives_its_realm_service_and_scope()
    {
        var challenge = AuthChallenge.Parse("""Bearer realm="https://auth.example/token",service="registry.example",scope="repository:team/app:pull,push" """)!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example/token", challenge.Parameter("realm"));
        Assert.Equal("registry.example", challenge.Parameter("service"));
        Assert.Equal("repository:team/app:pull,push", challenge.Parameter("scope"));
    }

    [Fact]
    public void A_Basic_challenge_is_recognised_whatever_its_case()
    {
        var challenge = AuthChallenge.Parse("""basic realm="Registry Realm" """)!;

        Assert.True(challenge.IsBasic);
        Assert.Equal("Registry Realm", challenge.Parameter("realm"));
    }

    [Fact]
    public void Escaped_quotes_and_unquoted_values_are_read_as_written()
    {
        var challenge = AuthChallenge.Parse("""Bearer realm="https://a/t?x=\"y\"",service=plain""")!;

        Assert.Equal("""https://a/t?x="y" """.TrimEnd(), challenge.Parameter("realm"));
        Assert.Equal("plain", challenge.Parameter("service"));
    }

    [Fact]
    public void No_header_is_no_challenge()
    {
        Assert.Null(AuthChallenge.Parse(" "));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StageGate.IntegrationTests.Remote;

/// <summary>
/// A Linux bridge of a test's own with a private subnet (in 10.231.0.0/16, picked at random and clear of every
/// address the machine has), so a fixture can listen on an address that is not loopback: docker skips
/// certificate checks for all of 127.0.0.0/8, and a second engine needs a bridge for its containers.
/// The host reaches the bridge's address even with no port attached. Disposing deletes the bridge.
/// </summary>
internal sealed class TestBridge : IAsyncDisposable
{
    private TestBridge(string name, IPAddress address, int prefixLength)
    {
        Name = name;
        Address = address;
        PrefixLength = prefixLength;
    }

    /// <summary>The interface name (at most 15 characters, unique per bridge).</summary>
    public string Name { get; }

    /// <summary>The host's address on the bridge (the subnet's first address); services bind here.</summary>
    public IPAddress Address { get; }

    public int PrefixLength { get; }

    /// <summary>Creates the bridge with a /<paramref name="prefixLength"/> subnet (30 for one service, 28 for an engine's containers).</summary>
    public static async Task<TestBridge> CreateAsync(int prefixLength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, 17);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 30);
        var name = "sgb" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var taken = await AddressesInUseAsync(cancellationToken);
        var size = 1 << (32 - prefixLength);
        for (var attempt = 0; ; attempt++)
        {
            var offset = Random.Shared.Next(0, 65536 / size) * size;
            var network = (10u << 24) | (231u << 16) | (uint)offset;
            if (taken.Any(t => (t & ~(uint)(size - 1)) == network) && attempt < 100)
            {
                continue;
            }
            var address = ToAddress(network + 1);
            await FixtureCommand.RunAsync("ip", ["link", "add", "name", name, "type", "bridge"], cancellationToken: cancellationToken);
            var bridge = new TestBridge(name, address, prefixLength);
            try
            {
                await FixtureCommand.RunAsync("ip", ["addr", "add", $"{address}/{prefixLength}", "dev", name], cancellationToken: cancellationToken);
                await FixtureCommand.RunAsync("ip", ["link", "set", name, "up"], cancellationToken: cancellationToken);
                return bridge;
            }
            catch
            {
                await bridge.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A TCP port free on the bridge's address right now, for a service to bind to next.</summary>
    public int FreePort() => FreePort(Address);

    internal static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() =>
        await FixtureCommand.TryRunAsync("ip", ["link", "delete", Name]);

    private static async Task<List<uint>> AddressesInUseAsync(CancellationToken cancellationToken)
    {
        var listing = await FixtureCommand.RunAsync("ip", ["-o", "-4", "addr", "show"], cancellationToken: cancellationToken);
        var found = new List<uint>();
        foreach (var word in listing.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(word.Split('/')[0], out var address)
                && address.AddressFamily == AddressFamily.InterNetwork)
            {
                var bytes = address.GetAddressBytes();
                found.Add(((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3]);
            }
        }
        return found;
    }

    private static IPAddress ToAddress(uint value) =>
        IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}"));
}

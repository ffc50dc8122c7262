using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.Gates;

/// <summary>
/// The buildx options CI passes through (cache, push, pull, network, SSH, attestations), applied to each target.
/// Cache, no-cache, pull, network, hosts and SSH shape how any stage builds, so every target gets them. Push and
/// attestations describe the image that ships: a test stage exports nothing and the builder stage is loaded only to
/// be measured, so pushing or attesting them would publish images nobody asked for.
/// </summary>
internal static class PassThroughOptions
{
    /// <summary>
    /// The input errors of these options, found in the plan: a push needs a tag the user chose, and bake files
    /// cannot carry a network or host mappings.
    /// </summary>
    public static void Validate(GateOptions options)
    {
        // The default tag names this machine's build (stagegate/<context>-<hash>), never a repository to publish to.
        if (options.Get(OptionTable.Push) && options.Get(OptionTable.Tags).Count == 0)
        {
            throw Codes.InvalidOption.Exception(
                $"{options.NameOf(OptionTable.Push)} needs an explicit tag: set {options.NameOf(OptionTable.Tags)} to the repository to push to. The default stagegate/… tag is never pushed.",
                options.FileOf(OptionTable.Push));
        }
        // buildx's docker exporter loads one platform: a final image for several goes to a registry or a layout.
        if (options.Get(OptionTable.Platforms).Count > 1 && !options.Get(OptionTable.Push) && options.Get(OptionTable.OciLayout) is null)
        {
            throw Codes.InvalidOption.Exception(
                $"A final image for several platforms ({string.Join(", ", options.Get(OptionTable.Platforms))}) cannot be loaded into the engine, which holds one platform per image: set {options.NameOf(OptionTable.Push)} or {options.NameOf(OptionTable.OciLayout)}, and each platform is measured from there.",
                options.FileOf(OptionTable.Platforms));
        }
        // Older BuildKit takes one exporter per build: the registry or the layout, not both.
        if (options.Get(OptionTable.Push) && options.Get(OptionTable.OciLayout) is not null)
        {
            throw Codes.InvalidOption.Exception(
                $"{options.NameOf(OptionTable.Push)} and {options.NameOf(OptionTable.OciLayout)} both say where the final image goes; choose one (the compressed size is read from either).",
                options.FileOf(OptionTable.OciLayout));
        }
        // buildx 0.13's bake ignores a bake file's network and extra-hosts keys without a word, so only buildx build honours them.
        GateOption? unbakeable = options.Get(OptionTable.Network) is not null ? OptionTable.Network
            : options.Get(OptionTable.AddHosts).Count > 0 ? OptionTable.AddHosts
            : null;
        if (unbakeable is not null && !options.Get(OptionTable.Sequential))
        {
            throw Codes.InvalidOption.Exception(
                $"{options.NameOf(unbakeable)} needs {options.NameOf(OptionTable.Sequential)}: the parallel run uses a buildx bake file, and buildx's bake ignores a network or host mappings there.",
                options.FileOf(unbakeable));
        }
    }

    public static BuildxBuildOptions Apply(GatePlan plan, BuildTarget target, BuildxBuildOptions build)
    {
        var options = plan.Options;
        var ships = target.Role == TargetRole.Final;
        var push = ships && options.Get(OptionTable.Push);
        return build with
        {
            CacheFrom = options.Get(OptionTable.CacheFrom),
            CacheTo = options.Get(OptionTable.CacheTo),
            NoCache = options.Get(OptionTable.NoCache),
            NoCacheFilter = options.Get(OptionTable.NoCacheFilter),
            Pull = options.Get(OptionTable.Pull),
            Ssh = Ssh(options),
            Network = options.Get(OptionTable.Network),
            AddHosts = options.Get(OptionTable.AddHosts),
            // --push is buildx's type=registry output, which the docker driver also keeps in the engine for measuring.
            Push = push,
            Outputs = push ? [] : ships && OciOutput(options) is { } oci ? [oci] : build.Outputs,
            Attestations = ships ? options.Get(OptionTable.Attestations) : [],
            Provenance = ships ? options.Get(OptionTable.Provenance) : null,
            Sbom = ships ? options.Get(OptionTable.Sbom) : null,
        };
    }

    public static BakeTarget Apply(GatePlan plan, BuildTarget target, BakeTarget bake)
    {
        var options = plan.Options;
        var ships = target.Role == TargetRole.Final;
        // bake's own --push, --provenance and --sbom set every target (*.output, *.attest), so the final target carries them itself.
        return bake with
        {
            CacheFrom = options.Get(OptionTable.CacheFrom),
            CacheTo = options.Get(OptionTable.CacheTo),
            NoCache = options.Get(OptionTable.NoCache) ? true : null,
            NoCacheFilter = options.Get(OptionTable.NoCacheFilter),
            Pull = options.Get(OptionTable.Pull) ? true : null,
            Ssh = Ssh(options),
            Outputs = ships && options.Get(OptionTable.Push) ? ["type=registry"] : ships && OciOutput(options) is { } oci ? [oci] : bake.Outputs,
            Attest = ships ? Attestations(options) : [],
        };
    }

    /// <summary>Every attestation the final image asks for, <c>--provenance</c> and <c>--sbom</c> in their <c>--attest</c> form.</summary>
    public static IReadOnlyList<string> Attestations(GateOptions options)
    {
        var attestations = options.Get(OptionTable.Attestations).ToList();
        if (options.Get(OptionTable.Provenance) is { } provenance)
        {
            attestations.Add(Attestation.Shorthand("provenance", provenance));
        }
        if (options.Get(OptionTable.Sbom) is { } sbom)
        {
            attestations.Add(Attestation.Shorthand("sbom", sbom));
        }
        return attestations;
    }

    /// <summary>buildx's output for the OCI layout option: a tar at the path, in place of loading the image.</summary>
    private static string? OciOutput(GateOptions options) =>
        options.Get(OptionTable.OciLayout) is { } path ? $"type=oci,dest={Path.GetFullPath(path)}" : null;

    private static IReadOnlyList<SshForward> Ssh(GateOptions options) =>
        options.Get(OptionTable.Ssh).Select(SshForward.Parse).ToList();
}

using StageGate.Buildx;
using StageGate.Diagnostics;
using StageGate.Hosting;

namespace StageGate.Gates;

/// <summary>
/// Checks the pass-through options against what the builder can do, before any build: an option the builder would
/// drop or fail on halfway is SG2015 naming the builder, its driver and the option.
/// </summary>
internal static class BuilderCapabilities
{
    // BuildKit 0.10's Dockerfile frontend brought --no-cache-filter; older ones build every stage from the cache regardless.
    private static readonly Version NoCacheFilterSince = new(0, 10, 0);

    /// <exception cref="StageGateException">SG2015 when the builder cannot honour an option.</exception>
    public static async Task RequireAsync(GatePlan plan, string docker, CancellationToken cancellationToken)
    {
        if (!AsksAnything(plan.Options))
        {
            return;
        }
        var builder = await DockerProbe.InspectBuilderAsync(docker, plan.Options.Get(OptionTable.Builder), cancellationToken);
        if (builder is not null && Refusal(plan.Options, builder) is { } refusal)
        {
            throw new StageGateException(refusal);
        }
    }

    /// <summary>The first option <paramref name="builder"/> cannot honour, as SG2015; null when it honours them all.</summary>
    public static Diagnostic? Refusal(GateOptions options, BuilderInfo builder)
    {
        if (builder.Driver == "docker")
        {
            if (options.Get(OptionTable.CacheTo).FirstOrDefault(c => !CacheSpec.Parse(c).IsInline) is { } cacheTo)
            {
                return Refuse(options, builder, OptionTable.CacheTo, cacheTo, "the docker driver exports only type=inline cache");
            }
            if (options.Get(OptionTable.Platforms) is { Count: > 1 } platforms)
            {
                return Refuse(options, builder, OptionTable.Platforms, string.Join(",", platforms), "the docker driver builds one platform at a time (buildx: \"Multi-platform build is not supported for the docker driver\")");
            }
            if (options.Get(OptionTable.OciLayout) is { } layout)
            {
                return Refuse(options, builder, OptionTable.OciLayout, layout, "the docker driver exports no OCI layout (buildx: \"OCI exporter is not supported for the docker driver\")");
            }
            if (Attesting(options) is ({ } option, { } value))
            {
                return Refuse(options, builder, option, value, "the docker driver attaches no provenance, SBOM or other attestation to an image");
            }
        }
        if (options.Get(OptionTable.NoCacheFilter) is [var stage, ..]
            && builder.Nodes.FirstOrDefault()?.Version is { } version && version < NoCacheFilterSince)
        {
            return Refuse(options, builder, OptionTable.NoCacheFilter, stage, $"it needs BuildKit {NoCacheFilterSince.ToString(2)} or later");
        }
        return null;
    }

    /// <summary>The first attestation asked for and not switched off, with the option that asked; <c>--provenance=false</c> asks for none.</summary>
    private static (GateOption? Option, string? Value) Attesting(GateOptions options)
    {
        if (options.Get(OptionTable.Provenance) is { } provenance && !Attestation.Parse(Attestation.Shorthand("provenance", provenance)).Disabled)
        {
            return (OptionTable.Provenance, provenance);
        }
        if (options.Get(OptionTable.Sbom) is { } sbom && !Attestation.Parse(Attestation.Shorthand("sbom", sbom)).Disabled)
        {
            return (OptionTable.Sbom, sbom);
        }
        var attestation = options.Get(OptionTable.Attestations).FirstOrDefault(a => !Attestation.Parse(a).Disabled);
        return attestation is null ? (null, null) : (OptionTable.Attestations, attestation);
    }

    private static bool AsksAnything(GateOptions options) =>
        options.Get(OptionTable.CacheTo).Count > 0 || options.Get(OptionTable.NoCacheFilter).Count > 0 || PassThroughOptions.Attestations(options).Count > 0
        || options.Get(OptionTable.OciLayout) is not null || options.Get(OptionTable.Platforms).Count > 1;

    private static Diagnostic Refuse(GateOptions options, BuilderInfo builder, GateOption option, string value, string why) =>
        Codes.BuilderCannotHonour.Create(
            $"buildx builder '{builder.Name}' (driver {builder.Driver}, BuildKit {builder.BuildKitVersion ?? "of unknown version"}) cannot honour {options.NameOf(option)} {value}: {why}. "
            + $"Drop the option, or choose another builder with {options.NameOf(OptionTable.Builder)}.",
            options.FileOf(option));
}

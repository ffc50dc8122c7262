using StageGate.Ci;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// What "no Docker engine" means for the front end in use. <c>dotnet build</c> runs the gates implicitly in every
/// build, so on a developer's machine without Docker it is an environment condition: a warning that the gates did
/// not run, and the build goes on. Inside a container (a Dockerfile's own <c>dotnet build</c>) it is not even that:
/// the image is gated where it is built, so a note says so. In CI, or when the project requires Docker, and always
/// in Cake and the CLI (where someone asked for the gates by name), the engine's own error stands: it says how to get one.
/// </summary>
internal static class MissingDocker
{
    /// <summary>Set to <c>true</c> by the official .NET container images, and by the images StageGate's provisioning seeds.</summary>
    private const string InContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

    // What the probe finds when a build cannot start: no docker program, no buildx plugin, no daemon answering.
    private static readonly DiagnosticCode[] NoEngine = [Codes.DockerNotFound, Codes.BuildxNotFound, Codes.DaemonNotAnswering];

    /// <summary>
    /// The warning (or, inside a container, the note) that takes the place of <paramref name="error"/>, or null when
    /// the error stands.
    /// </summary>
    public static Diagnostic? AsWarning(Diagnostic error, GateOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!Excused(options, environment) || !NoEngine.Any(code => code.Code == error.Code))
        {
            return null;
        }
        var cause = $"no Docker engine ({error.Code}: {error.Message.TrimEnd('.')})";
        if (InContainer(environment))
        {
            // A container with an engine (a dev container with the host's socket) runs the gates; one without is
            // almost always a Dockerfile's own build, which has nothing to gate and must not print about it.
            return Codes.GatesNotRunWithoutDocker.Create(
                $"The gates did not run inside this container ({InContainerVariable}=true): {cause}. The image is gated where it is built.")
                with { Severity = DiagnosticSeverity.Info };
        }
        return Codes.GatesNotRunWithoutDocker.Create(
            $"The gates did not run, so the image was not gated: {cause}. "
            + $"Outside CI this is a warning; set {options.NameOf(OptionTable.RequireDocker)}=true to require Docker, or StageGateEnabled=false to turn the gates off.");
    }

    /// <summary>
    /// Whether the engine is asked before the inputs are read: inside a container, where the missing engine would be
    /// excused. A Dockerfile's own build rarely copies the Dockerfile into the image, and its absence is no error there.
    /// </summary>
    public static bool ProbeFirst(GateOptions options, Func<string, string?> environment) =>
        Excused(options, environment) && InContainer(environment);

    // Only dotnet build runs the gates unasked; a project that requires Docker, and CI, keep the engine's error.
    private static bool Excused(GateOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FrontEnd == FrontEnd.MSBuild && !options.Get(OptionTable.RequireDocker) && !CiEnvironment.IsCi(environment);
    }

    private static bool InContainer(Func<string, string?> environment) => CiEnvironment.IsOn(environment(InContainerVariable));
}

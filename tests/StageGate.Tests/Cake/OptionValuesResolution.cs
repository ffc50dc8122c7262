using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Tests.Cake;

internal static class OptionValuesResolution
{
    /// <summary>The options the core would run with, for asserting what a front end's values mean.</summary>
    public static GateOptions Resolve(this OptionValues values) => OptionResolver.Resolve(values);
}

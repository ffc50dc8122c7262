namespace StageGate.Budgets;

/// <summary>What the multi-stage split saved: the builder stage's size against the final image's.</summary>
internal sealed record MultiStageSavings(ByteSize BuilderSize, ByteSize FinalSize)
{
    /// <summary>
    /// How much smaller the final image is, in whole percent rounded down so savings are never overstated;
    /// negative when the final image is larger.
    /// </summary>
    public int PercentSmaller => BuilderSize.Bytes <= 0
        ? 0
        : (int)Math.Floor((BuilderSize.Bytes - FinalSize.Bytes) * 100m / BuilderSize.Bytes);

    /// <summary><c>1.2GB → 150MB, 87% smaller</c>.</summary>
    public override string ToString()
    {
        var sizes = $"{BuilderSize} → {FinalSize}";
        if (FinalSize.Bytes > BuilderSize.Bytes)
        {
            var larger = BuilderSize.Bytes <= 0 ? "" : $", {(int)Math.Ceiling((FinalSize.Bytes - BuilderSize.Bytes) * 100m / BuilderSize.Bytes)}% larger";
            return sizes + larger;
        }
        return $"{sizes}, {PercentSmaller}% smaller";
    }
}

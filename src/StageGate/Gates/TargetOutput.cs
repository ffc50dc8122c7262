namespace StageGate.Gates;

/// <summary>Where buildx puts a target's result.</summary>
internal enum TargetOutput
{
    /// <summary>Nowhere but the build cache (<c>type=cacheonly</c>): a test stage only needs its steps to run.</summary>
    CacheOnly,

    /// <summary>Loaded into the engine (<c>type=docker</c>), so the image can be measured.</summary>
    Image,
}

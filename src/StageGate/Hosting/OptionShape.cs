namespace StageGate.Hosting;

/// <summary>How an option's raw values are read, whichever front end or stagegate.json gave them.</summary>
internal enum OptionShape
{
    /// <summary>One value; blank means unset.</summary>
    Text,

    /// <summary>One path, made absolute against the base folder of whoever gave it.</summary>
    Path,

    /// <summary>A program: a bare name is looked up on PATH, anything with a folder is a path.</summary>
    Program,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>Several values; an MSBuild property splits on <c>;</c> as MSBuild lists do.</summary>
    List,

    /// <summary>A list documented as comma-separated too (platforms): <c>,</c> splits it everywhere.</summary>
    CommaList,

    /// <summary><c>NAME=VALUE</c> pairs; a bare <c>NAME</c> on the command line reads the variable NAME, as buildx does.</summary>
    Pairs,

    /// <summary>Build secrets: <c>id=NAME,env=VARIABLE</c> or <c>id=NAME,src=PATH</c>, or items with Env/File metadata.</summary>
    Secrets,

    /// <summary>On or off; unset lets stagegate.json decide.</summary>
    Flag,
}

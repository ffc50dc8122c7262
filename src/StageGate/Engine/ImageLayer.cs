namespace StageGate.Engine;

/// <summary>One line of <c>docker image history</c>: the instruction that made a layer and the bytes it added.</summary>
/// <param name="Id">The image ID of this step, or <c>&lt;missing&gt;</c> for steps built elsewhere.</param>
/// <param name="Created">When the step ran.</param>
/// <param name="CreatedBy">The instruction, e.g. <c>/bin/sh -c #(nop) COPY …</c> or <c>RUN /bin/sh -c …</c>.</param>
/// <param name="Size">Bytes this step added to the image.</param>
/// <param name="Comment">The step's comment, e.g. <c>buildkit.dockerfile.v0</c>.</param>
/// <param name="Tags">Tags that point at this step's image.</param>
internal sealed record ImageLayer(string Id, DateTimeOffset Created, string CreatedBy, long Size, string Comment, IReadOnlyList<string> Tags);

namespace StageGate.Dockerfiles;

/// <summary>Where a part of an instruction's joined text came from: continuations join several lines into one text.</summary>
/// <param name="Offset">The 0-based offset in <see cref="Instruction.Text"/> where the part starts.</param>
/// <param name="Line">The 1-based line it was written on.</param>
/// <param name="Column">The 1-based column of its first character on that line.</param>
internal sealed record SourceSegment(int Offset, int Line, int Column);

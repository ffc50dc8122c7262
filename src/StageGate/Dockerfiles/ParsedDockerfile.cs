namespace StageGate.Dockerfiles;

/// <summary>A Dockerfile split into instructions, before stages are made of them.</summary>
internal sealed record ParsedDockerfile(ParserDirectives Directives, IReadOnlyList<Instruction> Instructions);

namespace StageGate.Dockerfiles;

/// <summary>The parser directives of a Dockerfile's leading comment block.</summary>
internal sealed record ParserDirectives(char Escape, string? Syntax, string? Check);

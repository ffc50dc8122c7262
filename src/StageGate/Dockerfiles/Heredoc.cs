namespace StageGate.Dockerfiles;

/// <summary>
/// A heredoc body: <c>&lt;&lt;EOF</c> (expanded), <c>&lt;&lt;"EOF"</c> or <c>&lt;&lt;'EOF'</c> (taken
/// literally), <c>&lt;&lt;-EOF</c> (leading tabs stripped, terminator included).
/// </summary>
internal sealed record Heredoc(string Name, string Content, bool StripLeadingTabs, bool Expand, int FileDescriptor);

using StageGate.Gates;

namespace StageGate.Reports;

/// <summary>The ways a <see cref="GateResult"/> can be rendered.</summary>
internal enum ReportFormat
{
    /// <summary>The console verdict: each gate, the size against its budget, the largest layers.</summary>
    Text,

    /// <summary>The JSON report, reusable as a later run's baseline.</summary>
    Json,

    /// <summary>Markdown for a PR comment or <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    Markdown,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…</c>).</summary>
    GitHubActions,

    /// <summary>Azure DevOps logging commands (<c>##vso[task.logissue …]</c>).</summary>
    AzureDevOps,

    /// <summary>JUnit XML for a CI system's test tab.</summary>
    JUnit,
}

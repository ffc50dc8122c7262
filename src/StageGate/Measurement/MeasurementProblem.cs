using StageGate.Diagnostics;

namespace StageGate.Measurement;

/// <summary>
/// Why an image could not be measured. <see cref="ImageMissing"/> tells "there is no such image" (an input
/// error when the user named the image) from "docker could not tell us" (a warning), without reading the message.
/// </summary>
internal sealed record MeasurementProblem(Diagnostic Diagnostic, bool ImageMissing);

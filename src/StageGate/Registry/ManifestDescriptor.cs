namespace StageGate.Registry;

/// <summary>One entry of an image index: a platform's manifest, or an attestation manifest to skip.</summary>
/// <param name="Digest">The manifest's digest.</param>
/// <param name="Platform"><c>os/architecture[/variant]</c>, or null when the index gives none.</param>
/// <param name="IsAttestation">
/// buildx's attestation manifests (provenance, SBOM): annotated <c>vnd.docker.reference.type: attestation-manifest</c>
/// and listed for the platform <c>unknown/unknown</c>. Nothing of them is pulled to run the image.
/// </param>
internal sealed record ManifestDescriptor(string Digest, string? Platform, bool IsAttestation);

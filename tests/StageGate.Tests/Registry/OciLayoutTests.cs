using System.Formats.Tar;
using System.Text;
using StageGate.Diagnostics;
using StageGate.Registry;

namespace StageGate.Tests.Registry;

/// <summary>An exported OCI layout (a tar, or a folder) is measured per platform from its manifests, as a registry's index is.</summary>
public sealed class OciLayoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-oci-").FullName;
    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_single_platform_export_is_measured_from_the_manifest_its_index_names()
    {
        var manifest = Blob(FakeRegistry.Image(MediaTypes.OciManifest, 700, 1_000_000, 2_000));
        Index($$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{manifest}}", "size": 1, "annotations": { "org.opencontainers.image.ref.name": "latest" } }""");

        var measured = await OciLayout.MeasureAsync(WriteTar(), manifest, CancellationToken.None);

        Assert.Equal(1_002_700, Assert.Single(measured.Platforms).CompressedSizeBytes);
    }

    [Fact]
    public async Task A_multi_platform_export_is_measured_per_platform_through_its_image_index_and_skips_attestations()
    {
        var amd64 = Blob(FakeRegistry.Image(MediaTypes.OciManifest, 500, 3_000_000));
        var arm64 = Blob(FakeRegistry.Image(MediaTypes.OciManifest, 500, 2_500_000));
        var attestation = Blob(FakeRegistry.Image(MediaTypes.OciManifest, 100, 99_000_000));
        var index = Blob($$"""
            { "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [
              { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{amd64}}", "size": 1, "platform": { "os": "linux", "architecture": "amd64" } },
              { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{arm64}}", "size": 1, "platform": { "os": "linux", "architecture": "arm64" } },
              { "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{attestation}}", "size": 1, "platform": { "os": "unknown", "architecture": "unknown" },
                "annotations": { "vnd.docker.reference.type": "attestation-manifest" } } ] }
            """);
        Index($$"""{ "mediaType": "{{MediaTypes.OciIndex}}", "digest": "{{index}}", "size": 1 }""");

        var fromTar = await OciLayout.MeasureAsync(WriteTar(), index, CancellationToken.None);
        var fromFolder = await OciLayout.MeasureAsync(WriteFolder(), amd64, CancellationToken.None);

        Assert.Equal([("linux/amd64", 3_000_500L), ("linux/arm64", 2_500_500L)], fromTar.Platforms.Select(p => (p.Platform!, p.CompressedSizeBytes)));
        Assert.Equal(fromTar, fromFolder with { Platforms = fromTar.Platforms });
        Assert.Equal(fromTar.Platforms, fromFolder.Platforms);
        Assert.Equal(index, fromTar.Digest);
    }

    [Fact]
    public async Task A_layout_that_was_not_written_is_SG2024()
    {
        var error = await Assert.ThrowsAsync<StageGateException>(() => OciLayout.MeasureAsync(Path.Combine(_folder, "none.tar"), Other, CancellationToken.None));

        Assert.Equal(Codes.OciLayoutUnreadable.Code, error.Code);
    }

    [Fact]
    public async Task A_layout_missing_a_blob_its_index_names_is_SG2024_saying_the_export_is_incomplete()
    {
        Index($$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "sha256:{{new string('d', 64)}}", "size": 1 }""");

        var error = await Assert.ThrowsAsync<StageGateException>(() => OciLayout.MeasureAsync(WriteTar(), Other, CancellationToken.None));

        Assert.Equal(Codes.OciLayoutUnreadable.Code, error.Code);
        Assert.Contains("the export is incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layout_that_holds_another_image_than_buildx_reported_is_SG2024_and_not_measured()
    {
        var manifest = Blob(FakeRegistry.Image(MediaTypes.OciManifest, 700, 1_000_000));
        Index($$"""{ "mediaType": "{{MediaTypes.OciManifest}}", "digest": "{{manifest}}", "size": 1 }""");

        var error = await Assert.ThrowsAsync<StageGateException>(() => OciLayout.MeasureAsync(WriteTar(), Other, CancellationToken.None));
        var unreported = await Assert.ThrowsAsync<StageGateException>(() => OciLayout.MeasureAsync(WriteTar(), null, CancellationToken.None));

        Assert.Equal(Codes.OciLayoutUnreadable.Code, error.Code);
        Assert.Contains("does not hold the image this run built", error.Message, StringComparison.Ordinal);
        Assert.Contains(Other, error.Message, StringComparison.Ordinal);
        Assert.Equal(Codes.OciLayoutUnreadable.Code, unreported.Code);
    }

    private static readonly string Other = "sha256:" + new string('9', 64);

    private string Blob(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var digest = FakeRegistry.Digest(body);
        _entries["blobs/sha256/" + digest["sha256:".Length..]] = body;
        return digest;
    }

    private void Index(string descriptor)
    {
        _entries["oci-layout"] = Encoding.UTF8.GetBytes("""{"imageLayoutVersion":"1.0.0"}""");
        _entries["index.json"] = Encoding.UTF8.GetBytes($$"""{ "schemaVersion": 2, "mediaType": "{{MediaTypes.OciIndex}}", "manifests": [ {{descriptor}} ] }""");
    }

    private string WriteTar()
    {
        var path = Path.Combine(_folder, "image.tar");
        using var file = File.Create(path);
        using var tar = new TarWriter(file, TarEntryFormat.Pax);
        // A layer before the manifests, as buildx writes them: the reader must pass over it.
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "blobs/sha256/" + new string('0', 64)) { DataStream = new MemoryStream(new byte[300_000]) });
        foreach (var (name, body) in _entries)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(body) });
        }
        return path;
    }

    private string WriteFolder()
    {
        var path = Path.Combine(_folder, "layout");
        foreach (var (name, body) in _entries)
        {
            var file = Path.Combine(path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, body);
        }
        return path;
    }
}

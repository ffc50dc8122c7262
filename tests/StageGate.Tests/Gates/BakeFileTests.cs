using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Tests.Gates;

/// <summary>buildx's bake file is written whole or not at all, and a temp folder that cannot take it is a coded error.</summary>
public sealed class BakeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stagegate-bake-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_temp_folder_that_cannot_take_the_bake_file_is_SG2011_and_leaves_nothing_behind()
    {
        // A file standing where the temp folder should be, so nothing can be written under it.
        var notAFolder = Path.Combine(_folder, "tmp");
        await File.WriteAllTextAsync(notAFolder, "");
        var bakeFile = Path.Combine(notAFolder, "stagegate.bake.json");

        var error = await Assert.ThrowsAsync<StageGateException>(() => GatePipeline.WriteBakeFileAsync(bakeFile, "{}", CancellationToken.None));

        Assert.Equal("SG2011", error.Code);
        Assert.Contains(bakeFile, error.Message, StringComparison.Ordinal);
        Assert.Equal([notAFolder], Directory.GetFileSystemEntries(_folder));
    }
}

using Civility.ServiceDefaults.Files;

namespace Civility.UnitTests;

public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"civility-private-{Guid.NewGuid():N}");

    [Fact]
    public void A_secret_is_written_owner_only_in_an_owner_only_folder_and_replaces_a_readable_file_whole()
    {
        if (OperatingSystem.IsWindows()) return;
        var file = Path.Combine(_root, "identity", "signing-key.pem");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivateFiles.Write(file, "secret");

        Assert.Equal("secret", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!)); // no temporary left beside it
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

namespace Civility.ServiceDefaults.Files;

/// <summary>
/// Files only the stack's own user may read (development secrets, a signing key): 0600 from the first byte (never
/// written first and narrowed after) and replaced whole by a rename; a folder of such files is 0700.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
    }

    /// <summary>Writes the file; its folder must exist (made by <see cref="CreateFolder"/> when it holds only private files).</summary>
    public static void Write(string file, string text) => File.Move(WriteTemporary(file, text), file, overwrite: true);

    /// <summary>
    /// Writes the file unless it exists, and answers what it holds then: of several processes creating it at once
    /// (two replicas starting), one writes it and every one reads that one's content.
    /// </summary>
    public static string CreateOnce(string file, string text)
    {
        var temporary = WriteTemporary(file, text);
        try
        {
            File.Move(temporary, file, overwrite: false);
            return text;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            return File.ReadAllText(file);
        }
    }

    private static string WriteTemporary(string file, string text)
    {
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text);
        return temporary;
    }
}

namespace Civility.MoralModels;

/// <summary>The bureau's selection rules that are policy: configuration section <c>MoralModels</c>.</summary>
public sealed class MoralModelsOptions
{
    /// <summary>
    /// The shortest publicity window (公示期) a round may set, in days. Zero is meant for test and demo stacks only:
    /// a window that closes as it opens lets a scenario walk a nomination to its commendation in minutes.
    /// </summary>
    public int MinimumPublicityDays { get; set; } = 1;

    /// <summary>The longest publicity window a round may set, in days.</summary>
    public int MaximumPublicityDays { get; set; } = 30;
}

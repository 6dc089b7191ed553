using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages.Boards;

[OutputCache(PolicyName = PortalCache.BoardEntryPolicy)]
public sealed class EntryModel(MoralModelsClient moral) : PortalPage
{
    public PublicNomination Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await moral.BoardEntryAsync(id, ct) is not { } entry) return NotFound();
        Entry = entry;
        var deeds = entry.Deeds.Length > 80 ? entry.Deeds[..80] + "……" : entry.Deeds;
        Describe($"{entry.NomineeName}（{Zh.Category(entry.Category)}）", $"{entry.Year}年度{Zh.Category(entry.Category)}：{deeds}");
        return Page();
    }
}

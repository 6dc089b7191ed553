using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages.Publicity;

[OutputCache(PolicyName = PortalCache.PublicityPolicy)]
public sealed class IndexModel(MoralModelsClient moral) : PortalPage
{
    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ListPage<PublicNomination>? Nominations { get; private set; }

    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Describe("公示",
            "正在公示的先进典型提名：事迹、公示截止日期。公示期内可实名提出异议，参与实名投票。");
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Nominations = await TryAsync(() => moral.InPublicityAsync(PageNumber, 20, ct));
        if (Nominations is { } n) Pager = new Pager("/publicity", n.Page, n.Pages, n.Total, new Dictionary<string, string?>());
    }
}

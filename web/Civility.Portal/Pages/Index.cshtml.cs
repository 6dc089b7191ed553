using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages;

[OutputCache(PolicyName = PortalCache.HomePolicy)]
public sealed class IndexModel(MoralModelsClient moral, VolunteersClient volunteers, IConfiguration configuration) : PortalPage
{
    public PublicTargets? Targets { get; private set; }

    /// <summary>Each unit's figures: only when Portal:ShowUnitTargets is on and the volunteer service publishes them.</summary>
    public IReadOnlyList<TargetsRow>? Units { get; private set; }

    public IReadOnlyList<PublicNomination>? Latest { get; private set; }

    public ListPage<PublicNomination>? InPublicity { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Describe("首页",
            "县卫生健康局精神文明创建一览：今年志愿服务注册率与人均服务时长、"
            + "最新表彰的先进典型、正在公示的提名。");
        var targets = TryAsync(() => volunteers.TargetsAsync(ct));
        var goodDeeds = TryAsync(() => moral.BoardAsync(Zh.Boards.GoodDeeds, null, null, 1, ct));
        var moralBoard = TryAsync(() => moral.BoardAsync(Zh.Boards.Moral, null, null, 1, ct));
        var publicity = TryAsync(() => moral.InPublicityAsync(1, 5, ct));
        Targets = await targets;
        Units = configuration.GetValue("Portal:ShowUnitTargets", false) ? Targets?.Units : null;
        var boards = new[] { await goodDeeds, await moralBoard };
        Latest = boards.All(b => b is null) ? null
            : boards.SelectMany(b => b?.Items ?? []).OrderByDescending(n => n.CommendedAt).Take(6).ToList();
        InPublicity = await publicity;
    }
}

using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages.Publicity;

[OutputCache(PolicyName = PortalCache.NoticePolicy)]
public sealed class NoticeModel(MoralModelsClient moral) : PortalPage
{
    public PublicityNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await moral.NoticeAsync(id, ct) is not { } notice) return NotFound();
        Notice = notice;
        var n = notice.Nomination;
        Describe($"公示：{n.NomineeName}（{Zh.Category(n.Category)}）",
            $"{n.RoundName}：{n.NomineeName}，{n.UnitName ?? n.UnitCode}。"
            + $"公示至{Zh.LastDay(n.PublicityEnd)}，公示期内可实名提出异议。");
        return Page();
    }

    /// <summary>The vote's state in a sentence.</summary>
    public static string VotingText(PublicityNotice notice) => notice.Voting switch
    {
        "open" when notice.Nomination.UnderObjection => "异议处理期间暂停投票。",
        "open" => $"实名投票进行中，截止时间 {Zh.DateTime(notice.VotingClosesAt!.Value)}。",
        "not-open-yet" => $"投票未开始，开始时间 {Zh.DateTime(notice.VotingOpensAt!.Value)}。",
        "closed" => "投票已截止。",
        _ => "本轮评选不设公众投票。",
    };
}

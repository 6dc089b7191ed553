using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages.Credit;

/// <summary>The published red and black lists (信用公示), browsed by list, tier and deciding department.</summary>
[OutputCache(PolicyName = PortalCache.CreditPolicy)]
public sealed class IndexModel(CreditClient credit) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ListPage<PublicEntry>? Entries { get; private set; }

    public IReadOnlyList<string> Departments { get; private set; } = [];

    public Pager? Pager { get; private set; }

    public static readonly string[] Lists = ["red", "black"];

    public static readonly string[] Tiers = ["minor", "general", "serious"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Describe("信用公示",
            "依法公开的守信红名单和失信黑名单：可按名单类型、失信等级和认定部门浏览，"
            + "已移出名单的不再公示。");
        if (!Lists.Contains(List)) List = null;
        if (!Tiers.Contains(Tier) || List == "red") Tier = null;
        Department = string.IsNullOrWhiteSpace(Department) ? null : Department.Trim()[..Math.Min(200, Department.Trim().Length)];
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var departments = TryAsync<IReadOnlyList<string>>(async () => await credit.DepartmentsAsync(ct));
        Entries = await TryAsync(() => credit.ListsAsync(List, Tier, Department, PageNumber, ct));
        Departments = await departments ?? [];
        if (Entries is { } e)
        {
            Pager = new Pager("/credit", e.Page, e.Pages, e.Total,
                new Dictionary<string, string?> { ["list"] = List, ["tier"] = Tier, ["department"] = Department });
        }
    }
}

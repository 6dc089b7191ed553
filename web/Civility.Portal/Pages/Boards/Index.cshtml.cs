using Civility.Portal.Caching;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages.Boards;

[OutputCache(PolicyName = PortalCache.BoardsPolicy)]
public sealed class IndexModel(MoralModelsClient moral) : PortalPage
{
    public string Board { get; private set; } = Zh.Boards.GoodDeeds;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ListPage<PublicNomination>? Entries { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(string board, CancellationToken ct)
    {
        Board = board;
        var name = Zh.Boards.Name(board);
        Describe(name, board == Zh.Boards.GoodDeeds
            ? "好人榜（善行义举榜）：经评选、公示并表彰的身边好人及其事迹，可按年度筛选。"
            : "道德榜：经评选、公示并表彰的道德模范、最美人物与文明家庭及其事迹，"
                + "可按年度和类别筛选。");
        if (Category is not null && !Zh.Boards.Categories(board).Contains(Category)) Category = null;
        if (Year is < 2000 or > 2100) Year = null;
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var years = TryAsync(() => moral.BoardYearsAsync(board, ct));
        Entries = await TryAsync(() => moral.BoardAsync(board, Year, Category, PageNumber, ct));
        Years = (await years)?.Years ?? [];
        if (Entries is { } e)
        {
            Pager = new Pager($"/boards/{board}", e.Page, e.Pages, e.Total,
                new Dictionary<string, string?>
                {
                    ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["category"] = Category,
                });
        }
        return Page();
    }
}

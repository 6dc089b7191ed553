using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;

namespace Civility.Portal.Pages.Credit;

/// <summary>Credit repair progress (信用修复进度查询) by the query code given with the application; the code is posted.</summary>
public sealed class RepairModel(CreditClient credit) : FormPage
{
    [BindProperty]
    public string? Code { get; set; }

    public RepairProgress? Progress { get; private set; }

    public bool NotFoundCode { get; private set; }

    public void OnGet() => DescribeRepair();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        DescribeRepair();
        var code = Text("Code", Code, 64, "请输入申请信用修复时获得的查询码。");
        if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            Error("Code", "查询码只含字母、数字和连字符。");
        if (HasErrors) return Page();
        Progress = await credit.RepairProgressAsync(code!, ct);
        NotFoundCode = Progress is null;
        return Page();
    }

    private void DescribeRepair() =>
        Describe("信用修复进度查询", "凭查询码查询信用修复申请的受理、审核和决定情况。");
}

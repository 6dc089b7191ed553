using Civility.Domain.Identifiers;
using Civility.Domain.PersonalData;
using Civility.Portal.Services;
using Microsoft.AspNetCore.Mvc;

namespace Civility.Portal.Pages.Credit;

/// <summary>
/// The public query (信用查询): by name, or by an organization's unified social credit code or a person's citizen ID
/// number. The form posts (the number never in a URL); the answer shows the lawful fields, a person's number masked, and
/// the number typed is not written back into the page.
/// </summary>
public sealed class QueryModel(CreditClient credit) : FormPage
{
    public sealed class QueryForm
    {
        public string? Name { get; set; }

        public string? Identifier { get; set; }
    }

    [BindProperty]
    public QueryForm Form { get; set; } = new();

    public ListPage<PublicEntry>? Results { get; private set; }

    public string? Refusal { get; private set; }

    public void OnGet() => DescribeQuery();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        DescribeQuery();
        var name = Form.Name?.Trim() is { Length: > 0 } n ? n : null;
        var identifier = Form.Identifier?.Trim().ToUpperInvariant() is { Length: > 0 } i ? i : null;
        Form.Identifier = null;
        if (name is { Length: > 200 }) Error("Form.Name", "名称最多200个字。");
        if (name is null && identifier is null)
            Error("Form.Name", "请填写名称，或在下方填写统一社会信用代码或身份证号码。");
        if (identifier is not null && UnifiedSocialCreditCode.Validate(identifier) is not null
            && CitizenIdNumber.Validate(identifier) is not null)
            Error("Form.Identifier",
                "号码有误：请输入18位统一社会信用代码或18位居民身份证号码，并核对是否输错。");
        if (HasErrors) return Page();

        var answer = await credit.QueryAsync(name, identifier, ct);
        if (answer.Value is { } page) Results = page;
        else if (answer.Status == StatusCodes.Status429TooManyRequests) Refusal = "查询过于频繁，请稍后再试。";
        else if (answer.Errors.ContainsKey("identifier"))
            Error("Form.Identifier", "号码有误：请核对统一社会信用代码或身份证号码。");
        else if (answer.Errors.ContainsKey("name")) Error("Form.Name", "请核对名称。");
        else Refusal = "暂时无法查询，请稍后再试。";
        return Page();
    }

    private void DescribeQuery() => Describe("信用查询",
        "按名称、统一社会信用代码或身份证号码查询正在公示的守信红名单和失信黑名单信息，"
        + "身份证号码只显示部分数字。");
}
